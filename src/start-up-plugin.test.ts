import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LAZY_DIALOGS, eagerCommonJs, idleChunks, startUpChunks } from './start-up-plugin';

describe('eagerCommonJs', () => {
  it('turns each CommonJS wrapper into a parenthesized function expression that still runs the module', () => {
    const code = [
      'var __commonJSMin = (cb, mod) => () => (mod || (cb((mod = { exports: {} }).exports, mod, mod.exports), cb = null), mod.exports);',
      'var require_a = /* @__PURE__ */ __commonJSMin(((exports) => {',
      '  exports.value = 1;',
      '}));',
      'var require_b = /* @__PURE__ */ __commonJSMin(((exports, module) => {',
      '  module.exports = { value: require_a().value + 1 };',
      '}));',
      'return require_b().value;',
    ].join('\n');
    const eager = eagerCommonJs(code);
    expect(eager).toContain('__commonJSMin((function(exports) {');
    expect(eager).toContain('__commonJSMin((function(exports, module) {');
    expect(eager).not.toMatch(/=>\s*\{\n\s*(exports|module)\./);
    expect(new Function(eager)()).toBe(2);
  });

  it('leaves code without wrappers alone', () => {
    const code = 'const f = (x) => { return x; };';
    expect(eagerCommonJs(code)).toBe(code);
  });
});

describe('startUpChunks', () => {
  const bundle = {
    'entry.js': { type: 'chunk', imports: ['runtime.js'], dynamicImports: ['client.js', 'boot.js'] },
    'runtime.js': { type: 'chunk', imports: [] },
    'client.js': { type: 'chunk', imports: ['react.js', 'runtime.js'] },
    'boot.js': { type: 'chunk', imports: ['react.js', 'store.js'], dynamicImports: ['dialog.js'] },
    'react.js': { type: 'chunk', imports: [] },
    'store.js': { type: 'chunk', imports: [] },
    'dialog.js': { type: 'chunk', imports: ['store.js'] },
    'style.css': { type: 'asset' },
  };

  it('lists what the dynamic imports load statically, once each, without what the page loads already or lazy chunks', () => {
    expect(startUpChunks(bundle, ['client.js', 'boot.js'], new Set(['entry.js', 'runtime.js']))).toEqual(['client.js', 'react.js', 'boot.js', 'store.js']);
  });
});

describe('idleChunks', () => {
  it('lists the matching lazy chunks with their static imports and CSS, minus what start-up loads', () => {
    const bundle = {
      'entry.js': { type: 'chunk', imports: [], dynamicImports: ['boot.js'] },
      'boot.js': { type: 'chunk', imports: ['store.js'], dynamicImports: ['settings.js', 'panel.js'] },
      'store.js': { type: 'chunk', imports: [] },
      'settings.js': { type: 'chunk', facadeModuleId: '/app/src/ui/SettingsDialog.tsx', imports: ['store.js', 'kit.js'], viteMetadata: { importedCss: new Set(['settings.css']) } },
      'kit.js': { type: 'chunk', imports: [], viteMetadata: { importedCss: new Set(['kit.css']) } },
      'panel.js': { type: 'chunk', facadeModuleId: '/app/src/tasks/chat/Panel.tsx', imports: [] },
    };
    expect(idleChunks(bundle, LAZY_DIALOGS, new Set(['entry.js', 'boot.js', 'store.js']))).toEqual(['settings.js', 'kit.js', 'settings.css', 'kit.css']);
  });

  it('matches every lazy dialog the sources declare', () => {
    const root = path.resolve(__dirname);
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx') && !f.includes('.test.'));
    const targets = files.flatMap((file) => {
      const source = readFileSync(path.join(root, file), 'utf8');
      return [...source.matchAll(/lazyDialog\(\(\) => import\('([^']+)'\)/g)].map((m) => path.resolve(root, path.dirname(file), m[1]) + '.tsx');
    });
    expect(targets.length).toBeGreaterThanOrEqual(5);
    for (const target of targets) expect(target).toMatch(LAZY_DIALOGS);
  });
});
