import { describe, expect, it } from 'vitest';
import { eagerCommonJs, startUpChunks } from './start-up-plugin';

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
