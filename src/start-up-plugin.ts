// Build steps for a start-up in short tasks (see main.tsx).
// main.tsx imports react-dom and the app with dynamic imports, so that each is evaluated in a task of its own.
// Vite preloads only an entry's static imports; this adds <link rel="modulepreload"> for the chunks those
// dynamic imports load (and their static imports), so they are fetched with the entry, not after it runs.
import type { HtmlTagDescriptor, Plugin, ResolvedConfig } from 'vite';

type Bundle = Record<
  string,
  { type: string; imports?: string[]; dynamicImports?: string[]; facadeModuleId?: string | null; viteMetadata?: { importedCss?: Set<string> } }
>;

/** The files `roots` load, with everything they import statically, minus those the page already loads. */
export function startUpChunks(bundle: Bundle, roots: string[], loaded: Set<string>): string[] {
  const found: string[] = [];
  const visit = (file: string) => {
    const chunk = bundle[file];
    if (loaded.has(file) || found.includes(file) || chunk?.type !== 'chunk') return;
    found.push(file);
    chunk.imports?.forEach(visit);
  };
  roots.forEach(visit);
  return found;
}

/** The lazy dialogs' modules (every `lazyDialog(() => import(…))`; a unit test keeps this in step). */
export const LAZY_DIALOGS = /\/(\w+Dialog|ModelBrowser)\.tsx$/;

/** The task panels' modules (`src/tasks/<id>/Panel.tsx`, see src/tasks/registry.ts), the task id captured. */
export const TASK_PANELS = /[\\/]tasks[\\/]([\w-]+)[\\/]Panel\.tsx$/;

/** The name of the <meta> that lists what the page fetches, unevaluated, once it has settled (see LazyDialog). */
export const IDLE_PRELOAD_META = 'idle-preload';

/**
 * The files of the lazy chunks whose source matches `pattern` (the dialogs), with their static imports and CSS,
 * minus what start-up already loads: fetched once the page has settled, so a dialog opens at once and offline.
 */
export function idleChunks(bundle: Bundle, pattern: RegExp, loaded: Set<string>): string[] {
  const roots = Object.entries(bundle)
    .filter(([, chunk]) => chunk.type === 'chunk' && chunk.facadeModuleId && pattern.test(chunk.facadeModuleId))
    .map(([file]) => file);
  return withCss(bundle, startUpChunks(bundle, roots, loaded));
}

/** The files with the style sheets they import, each once, after them. */
function withCss(bundle: Bundle, files: string[]): string[] {
  const css = files.flatMap((file) => [...(bundle[file]?.viteMetadata?.importedCss ?? [])]);
  return [...files, ...new Set(css)];
}

// React ships as CommonJS only; the bundler wraps each CommonJS module in an arrow function run on first
// require. V8 compiles such a function lazily, on the main thread, when it is called: react-dom's wrapper is
// ~200 kB of source, so evaluating it was one long task (re-parse, then source positions again whenever a
// profiler such as Lighthouse's runs). A function expression in parentheses is one V8 compiles eagerly, with
// the rest of the file, on the thread that streams the download (https://v8.dev/blog/preparser#pife).
// `this` and `arguments` are not used by the wrapped module bodies (module scope has neither).
const CJS_WRAPPER = /__commonJSMin\(\(\(([\w$, ]*)\) => \{/g;

/** The chunk's CommonJS wrappers as parenthesized function expressions (compiled eagerly, off the main thread). */
export function eagerCommonJs(code: string): string {
  return code.replace(CJS_WRAPPER, '__commonJSMin((function($1) {');
}

export interface StartUpOptions {
  /** Lazy modules fetched (not run) once the page has settled: see idleChunks. */
  idle?: RegExp;
  /** The task panels' modules, the task id captured first: see panelChunks. */
  panels?: RegExp;
  /** The task a first visit opens. */
  firstTask?: string;
}

/** The name of the <meta> that lists each task panel's files, for main.tsx to preload the opening one's. */
export const PANELS_META = 'task-panels';

/**
 * Each task panel's files (its chunk, static imports and CSS, minus what start-up loads), as the <meta>'s content:
 * `task=file,file;task=file…`, the first visit's task first.
 */
export function panelChunks(bundle: Bundle, pattern: RegExp, loaded: Set<string>, base: string, firstTask?: string): string {
  const entries = Object.entries(bundle).flatMap(([file, chunk]) => {
    const task = chunk.type === 'chunk' && chunk.facadeModuleId ? pattern.exec(chunk.facadeModuleId)?.[1] : undefined;
    if (!task) return [];
    return [[task, withCss(bundle, startUpChunks(bundle, [file], loaded)).map((f) => `${base}${f}`).join(',')] as const];
  });
  entries.sort(([a], [b]) => Number(b === firstTask) - Number(a === firstTask));
  return entries.map(([task, files]) => `${task}=${files}`).join(';');
}

export function startUpPreload({ idle, panels, firstTask }: StartUpOptions = {}): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'model-playground:start-up-preload',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    renderChunk(code, chunk) {
      // Only react-dom's chunk: it is evaluated at start-up; eager compilation of lazily used chunks would be waste.
      if (!chunk.moduleIds.some((id) => id.includes('/node_modules/react-dom/'))) return null;
      return { code: eagerCommonJs(code), map: null };
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const entry = ctx.chunk;
        if (!entry || !ctx.bundle) return [];
        const loaded = new Set([entry.fileName, ...entry.imports]);
        const bundle = ctx.bundle as unknown as Bundle;
        // Less what Vite already preloads (the entry's imports' own imports), and the task panels (main.tsx preloads
        // the opening one's only).
        const roots = entry.dynamicImports.filter((file) => !(panels && panels.test(bundle[file]?.facadeModuleId ?? '')));
        const all = startUpChunks(bundle, roots, loaded);
        const files = all.filter((file) => !html.includes(`"${config.base}${file}"`));
        const tags = files.map((file): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${config.base}${file}` },
          injectTo: 'head',
        }));
        const atStart = new Set([...loaded, ...all]);
        if (panels) {
          const content = panelChunks(bundle, panels, atStart, config.base, firstTask);
          tags.push({ tag: 'meta', attrs: { name: PANELS_META, content }, injectTo: 'head' });
        }
        if (idle) {
          const content = idleChunks(bundle, idle, atStart).map((file) => `${config.base}${file}`).join(' ');
          tags.push({ tag: 'meta', attrs: { name: IDLE_PRELOAD_META, content }, injectTo: 'head' });
        }
        return tags;
      },
    },
  };
}
