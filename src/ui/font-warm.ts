// A result's first render can hold fonts (a family, weight and size) the page has not laid out yet. On Linux each
// new one is a fontconfig lookup on the main thread, and a result with four new ones spent 400-500 ms in one Layout
// as it appeared (the ONNX lab's first run, on a busy 2-core machine). Laying those fonts out beforehand, one per
// idle period, moves that cost out of the run, in pieces too small to be long tasks. index.html does the same for
// the first screen's fonts while its scripts download.
import { inIdlePeriod } from '../client/when-idle';

/** An element path from outer to inner, each `tag.class.class` (e.g. `['dl.run-stats', 'div', 'dd']`). */
export type FontSample = readonly string[];

// Digits, letters and the symbols results use, so the fallback fonts for them are found too.
const TEXT = 'Ag 0123456789 .,:%·…×—−✓';
const warmed = new Set<string>();


function build(sample: FontSample): HTMLElement {
  const elements = sample.map((step) => {
    const [tag, ...classes] = step.split('.');
    const element = document.createElement(tag || 'span');
    if (classes.length > 0) element.className = classes.join(' ');
    return element;
  });
  elements.reduce((parent, child) => (parent.append(child), child));
  elements[elements.length - 1].textContent = TEXT;
  return elements[0];
}

/** The hidden box the samples stay in (e2e/startup.spec.ts checks a result's fonts against it and #font-warm). */
function warmBox(): HTMLElement {
  let box = document.getElementById('font-warm-late');
  if (!box) {
    box = document.createElement('div');
    box.id = 'font-warm-late';
    box.setAttribute('aria-hidden', 'true');
    box.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;pointer-events:none';
    document.body.append(box);
  }
  return box;
}

/** Lays out each sample's font once per page, one sample per idle period, in a hidden box. */
export function warmFonts(samples: readonly FontSample[]): void {
  if (typeof document === 'undefined') return;
  const todo = samples.filter((sample) => !warmed.has(sample.join(' ')));
  for (const sample of todo) warmed.add(sample.join(' '));
  const next = () => {
    const sample = todo.shift();
    if (!sample) return;
    const element = build(sample);
    warmBox().append(element);
    // Reading a size forces the layout now, in this idle period, rather than in the next frame's.
    void element.getBoundingClientRect();
    inIdlePeriod(next);
  };
  inIdlePeriod(next);
}
