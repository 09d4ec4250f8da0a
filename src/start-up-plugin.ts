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
  const files = startUpChunks(bundle, roots, loaded);
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
}

export function startUpPreload({ idle }: StartUpOptions = {}): Plugin {
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
      handler(_html, ctx) {
        const entry = ctx.chunk;
        if (!entry || !ctx.bundle) return [];
        const loaded = new Set([entry.fileName, ...entry.imports]);
        const bundle = ctx.bundle as unknown as Bundle;
        const files = startUpChunks(bundle, entry.dynamicImports, loaded);
        const tags = files.map((file): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${config.base}${file}` },
          injectTo: 'head',
        }));
        if (!idle) return tags;
        const later = idleChunks(bundle, idle, new Set([...loaded, ...files]));
        const content = later.map((file) => `${config.base}${file}`).join(' ');
        return [...tags, { tag: 'meta', attrs: { name: IDLE_PRELOAD_META, content }, injectTo: 'head' }];
      },
    },
  };
}
