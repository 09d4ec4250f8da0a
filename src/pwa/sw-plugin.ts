// Writes sw.js into the build: the service worker template plus the list of every file the build
// produced (public files included), and a build id that changes whenever any of them does.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { CSP_HEADER } from '../../scripts/csp.mjs';

const SKIP = [/^sw\.js$/, /\.map$/, /(^|\/)\./];

function walk(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path, root) : [relative(root, path).split('\\').join('/')];
  });
}

export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'model-playground:service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      const files = walk(outDir)
        .filter((file) => !SKIP.some((re) => re.test(file)))
        .sort();
      const hash = createHash('sha256');
      for (const file of files) hash.update(file).update(readFileSync(join(outDir, file)));
      const template = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
      const sw = template
        .replace('__BUILD_ID__', hash.digest('hex').slice(0, 16))
        .replace('/* PRECACHE */ []', JSON.stringify(files))
        .replace("'__CSP__'", JSON.stringify(CSP_HEADER));
      writeFileSync(join(outDir, 'sw.js'), sw);
    },
  };
}
