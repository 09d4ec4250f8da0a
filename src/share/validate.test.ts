import { describe, expect, it } from 'vitest';
import { HUB_HOST } from '../store/settings-slice';
import { MAX_TEXT } from './input-shape';
import { validateShare, type SharedState } from './validate';

const XSS = '<img src=x onerror=alert(1)><script>alert(1)</script>';
const current = () => ({ model: 'mine/model', host: 'http://127.0.0.1:8089/', revision: 'mine', device: 'wasm' as const, dtype: 'q8' as const });
const text = (template: unknown) => () => template;
const imageTemplate = { kind: 'sample', name: 'coffee.png', url: '/samples/coffee.png' };
const qaTemplate = { context: 'ctx', question: 'q' };
const similarity = { sentences: ['a', 'b'], query: 'q' };

function check(payload: Record<string, unknown>, template: unknown = 'text') {
  return validateShare(payload, text(template), current);
}

describe('validateShare', () => {
  it('accepts a well-formed link and fills what it leaves out with defaults', () => {
    const { state, dropped } = check({ t: 'text-generation', m: 'karpathy/tinyllamas-stories260K', p: { max_new_tokens: 12, do_sample: false }, i: 'Once upon a time' });
    expect(dropped).toEqual([]);
    expect(state).toMatchObject<Partial<SharedState>>({
      task: 'text-generation',
      model: 'karpathy/tinyllamas-stories260K',
      host: HUB_HOST,
      revision: 'main',
      device: 'auto',
      dtype: 'auto',
      input: 'Once upon a time',
    });
    expect(state?.params.max_new_tokens).toBe(12);
    expect(state?.params.do_sample).toBe(false);
  });

  it('a link without a model leaves the task on the default for its host (empty model)', () => {
    const { state, dropped } = check({ t: 'fill-mask', h: 'http://127.0.0.1:8089/' });
    expect(dropped).toEqual([]);
    expect(state?.model).toBe('');
    expect(state?.host).toBe('http://127.0.0.1:8089/');
  });

  it('refuses the whole link when the task is unknown or hostile', () => {
    for (const t of ['no-such-task', XSS, 42, undefined, '__proto__']) {
      const result = check({ t, m: 'a/b' });
      expect(result.state).toBeUndefined();
      expect(result.dropped[0]).toMatch(/task/);
    }
  });

  it('drops script in every field, keeps the user’s value, and lists each one', () => {
    const { state, dropped } = check({ t: 'text-classification', m: XSS, h: `javascript:${XSS}`, r: XSS, d: XSS, q: XSS, p: { [XSS]: 1 }, i: XSS, [XSS]: 1 });
    expect(state).toMatchObject({ model: 'mine/model', host: 'http://127.0.0.1:8089/', revision: 'mine', device: 'wasm', dtype: 'q8' });
    // Text input is data, shown in a text field: script in it is harmless text and is kept as typed.
    expect(state?.input).toBe(XSS);
    for (const field of [/^model:/, /^model host:/, /^revision:/, /^device:/, /^precision:/, /^parameter “<img/, /not a field of a share link$/]) {
      expect(dropped.some((line) => field.test(line)), String(field)).toBe(true);
    }
    expect(dropped).toHaveLength(7);
  });

  it('clamps out-of-range parameters and drops wrong kinds and unknown keys', () => {
    const { state, dropped } = check({ t: 'chat', p: { temperature: 99, top_k: -5, do_sample: 'yes', seed: Number.MAX_VALUE, bogus: 1 } });
    expect(state?.params.temperature).toBe(2);
    expect(state?.params.top_k).toBe(0);
    expect(state?.params.do_sample).toBe(true);
    expect(state?.params.seed).toBe(9999);
    expect(dropped.some((d) => /Temperature: 99 is outside/.test(d))).toBe(true);
    expect(dropped.some((d) => /Sampling.*on\/off/.test(d))).toBe(true);
    expect(dropped.some((d) => /bogus/.test(d))).toBe(true);
    expect(check({ t: 'chat', p: [1, 2] }).dropped).toEqual(['parameters: not a list of settings']);
  });

  it('drops huge values: long text, long host, long model ids, too many items', () => {
    const long = 'x'.repeat(MAX_TEXT + 1);
    const { state, dropped } = check({ t: 'text-classification', m: `a/${'b'.repeat(300)}`, h: `http://a.b/${'c'.repeat(600)}`, i: long });
    expect(state?.model).toBe('mine/model');
    expect(state?.host).toBe('http://127.0.0.1:8089/');
    expect(state?.input).toBeUndefined();
    expect(dropped.some((d) => /input: longer than/.test(d))).toBe(true);
    const many = check({ t: 'feature-extraction', i: { sentences: Array(1000).fill('s'), query: 'q' } }, similarity);
    expect(many.state?.input).toEqual({ sentences: ['a', 'b'], query: 'q' });
    expect(many.dropped).toContain('input.sentences: more than 500 items');
  });

  it('reshapes structured inputs to the task’s input: unknown keys out, wrong kinds back to defaults', () => {
    const { state, dropped } = check({ t: 'question-answering', i: { context: 'Paris is in France.', question: 7, extra: XSS } }, qaTemplate);
    expect(state?.input).toEqual({ context: 'Paris is in France.', question: 'q' });
    expect(dropped).toEqual(['input.extra: unknown field', 'input.question: expected text']);
    const list = check({ t: 'feature-extraction', i: { sentences: ['one', 2, 'three'], query: 'q' } }, similarity);
    expect(list.state?.input).toEqual({ sentences: ['one', 'three'], query: 'q' });
    expect(list.dropped).toEqual(['input.sentences[1]: expected text']);
  });

  it('restores images only by reference: a bundled sample or an http(s) URL', () => {
    const sample = check({ t: 'image-classification', i: { kind: 'sample', name: 'chelsea.png' } }, imageTemplate);
    expect(sample.state?.input).toMatchObject({ kind: 'sample', name: 'chelsea.png' });
    const menu = check({ t: 'ocr', i: { kind: 'sample', name: 'cafe-menu.png' } }, imageTemplate);
    expect(menu.state?.input).toMatchObject({ kind: 'sample', name: 'cafe-menu.png' });
    const url = check({ t: 'image-classification', i: { kind: 'url', url: 'https://example.com/cat%20photo.jpg' } }, imageTemplate);
    expect(url.state?.input).toEqual({ kind: 'url', name: 'cat photo.jpg', url: 'https://example.com/cat%20photo.jpg' });
    for (const i of [
      { kind: 'sample', name: '../../etc/passwd' },
      { kind: 'url', url: 'javascript:alert(1)' },
      { kind: 'url', url: 'data:image/png;base64,AAAA' },
      { kind: 'file', url: 'blob:x' },
      'coffee.png',
    ]) {
      const result = check({ t: 'object-detection', i }, imageTemplate);
      expect(result.state?.input).toBeUndefined();
      expect(result.dropped).toEqual(['input image: not a bundled sample or an http(s) image URL']);
    }
  });

  it('never copies prototype keys from a hostile object', () => {
    const payload = JSON.parse('{"t":"question-answering","i":{"__proto__":{"polluted":1},"context":"c","question":"q"}}');
    const { state } = check(payload, qaTemplate);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(state?.input as object)).toEqual(['context', 'question']);
  });

  it('lists prototype-named fields in a linked input instead of dropping them unseen', () => {
    const payload = JSON.parse('{"t":"question-answering","i":{"__proto__":"x","constructor":"y","context":"c","question":"q"}}');
    const { state, dropped } = check(payload, qaTemplate);
    expect(dropped).toEqual(['input.__proto__: unknown field', 'input.constructor: unknown field']);
    expect(state?.input).toEqual({ context: 'c', question: 'q' });
    expect(Object.getPrototypeOf(state?.input)).toBe(Object.prototype);
  });
});
