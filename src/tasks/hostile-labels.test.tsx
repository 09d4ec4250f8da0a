// @vitest-environment jsdom
// Labels come from a model's config, which anyone can publish: every panel that shows labels must render
// them as plain text, whatever they are — including names that plain objects inherit from Object.prototype.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findTask } from './registry';
import type { OutputProps } from './types';

const HOSTILE = ['__proto__', 'B-__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '<img src=x onerror=alert(1)>', '', 'x'.repeat(5000)];
const image = { kind: 'sample', name: 'chelsea.png', url: '/samples/chelsea.png' };
const scored = HOSTILE.map((label, i) => ({ label, score: 1 / (i + 2) }));
const box = { xmin: 1, ymin: 1, xmax: 5, ymax: 5 };

const OUTPUTS: Record<string, { input: unknown; output: unknown }> = {
  'text-classification': { input: 'hi', output: scored },
  'image-classification': { input: image, output: scored },
  'zero-shot-classification': { input: { text: 'hi', labels: HOSTILE }, output: { scores: scored, independent: false } },
  'zero-shot-image-classification': { input: { image, labels: HOSTILE, template: '{}' }, output: { scores: scored } },
  'token-classification': {
    input: 'Sarah lives in London',
    output: {
      text: 'Sarah lives in London',
      entities: HOSTILE.map((type, i) => ({ type, score: 0.5, text: 'Sarah', ...(i === 0 && { start: 0, end: 5 }) })),
      types: HOSTILE,
    },
  },
  'image-segmentation': { input: image, output: { width: 2, height: 2, segments: HOSTILE.map((label) => ({ label, score: null, mask: new Uint8Array(4), area: 0 })) } },
  'object-detection': { input: image, output: { width: 8, height: 8, detections: HOSTILE.map((label) => ({ label, score: 0.9, box })) } },
  'zero-shot-object-detection': {
    input: { image, queries: HOSTILE },
    output: { width: 8, height: 8, detections: HOSTILE.map((label) => ({ label, score: 0.9, box })), queries: HOSTILE },
  },
  // A picked file's name is the user's, but a folder can hold anything: names are labels too.
  'image-similarity': {
    input: { pictures: HOSTILE.map((name) => ({ ...image, name })), by: 'picture', queryImage: image, queryText: '' },
    output: { query: { kind: 'picture', name: HOSTILE[6] }, hits: HOSTILE.map((name, index) => ({ index, name, score: 0.5 })), total: 9, dims: 16, embedded: 9, textTower: true },
  },
};

async function render(task: string): Promise<string> {
  const view = await findTask(task)!.view();
  const { input, output } = OUTPUTS[task];
  const props: OutputProps = { input, output, partial: undefined, params: {}, model: '', caps: undefined, onParamsChange() {}, value: input, onChange() {}, onRun() {}, running: false };
  return renderToStaticMarkup(createElement(view.Output, props));
}

describe('hostile labels', () => {
  for (const task of Object.keys(OUTPUTS)) {
    it(`${task}: renders every label as text`, async () => {
      const html = await render(task);
      expect(html).toContain('__proto__');
      expect(html).toContain('constructor');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('[object Object]');
      expect(html).not.toMatch(/function \w*\(/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});
