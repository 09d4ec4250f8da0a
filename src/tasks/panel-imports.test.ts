import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Panels and the UI kit take what they show as props (tasks/types.ts, PanelContext); only the app shell reads the
// store. This reads the source, following relative imports, so a store import anywhere below a panel fails here.

const SRC = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
/** Folders whose modules read or drive the app state. */
const FORBIDDEN = ['store', 'session', 'ui/shell', 'ui/layout'].map((dir) => path.join(SRC, dir) + path.sep);
/** Exceptions, each with its reason (none today: validate() and prepare() get the panel context too). */
const ALLOWED = new Set<string>([]);

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((file) => existsSync(file) && statSync(file).isFile());
}

/** Every relative import of a file, resolved to a file (style sheets and other assets included). */
export function importsOf(file: string, source = readFileSync(file, 'utf8')): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3];
    const target = resolve(file, spec);
    if (target) found.push(target);
  }
  return found;
}

/** The chain of imports from `entry` to the first module in a forbidden folder, or undefined. */
function storeChain(entry: string): string[] | undefined {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | undefined => {
    if (seen.has(file) || ALLOWED.has(file)) return undefined;
    seen.add(file);
    if (FORBIDDEN.some((dir) => file.startsWith(dir))) return chain;
    if (!/\.tsx?$/.test(file)) return undefined;
    for (const next of importsOf(file)) {
      const found = walk(next, [...chain, path.relative(SRC, next)]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(entry, [path.relative(SRC, entry)]);
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, keep);
    return keep(entry.name) ? [full] : [];
  });
}

const isSource = (name: string) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name);
const panels = filesUnder(path.join(SRC, 'tasks'), (name) => name === 'Panel.tsx');
const kit = filesUnder(path.join(SRC, 'ui/kit'), isSource);

describe('panels and the UI kit do not reach the store', () => {
  it('finds the files it checks', () => {
    expect(panels.length).toBeGreaterThanOrEqual(22);
    expect(kit.length).toBeGreaterThan(5);
  });

  it('sees a store import, direct or through another module', () => {
    const fake = path.join(SRC, 'tasks/text-classification/Panel.tsx');
    expect(importsOf(fake, "import { useApp } from '../../store';").map((f) => path.relative(SRC, f))).toEqual(['store/index.ts']);
    expect(storeChain(path.join(SRC, 'ui/layout/Workspace.tsx'))).toBeDefined();
  });

  for (const file of [...panels, ...kit]) {
    it(path.relative(SRC, file), () => {
      expect(storeChain(file), 'imports the store or the app shell (via this chain)').toBeUndefined();
    });
  }
});
