import { expect, type Page } from '@playwright/test';

// On Linux each font (family, weight, size, style) Chromium lays out for the first time costs a fontconfig lookup on
// the main thread. index.html lays out the first screen's fonts early (#font-warm); src/ui/font-warm.ts lays out a
// result's fonts while the user sets up the run (#font-warm-late). These say which font a screen uses that neither did.

/** The fonts of every visible element with text (or a form control) under `root`. */
export function fontsUnder(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement>(`${selector} *`)) {
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!text && !['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(el.tagName)) continue;
      if (el.getClientRects().length === 0) continue;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden') continue;
      found.add(`${s.fontWeight} ${s.fontSize} ${s.fontStyle} ${s.fontFamily}`);
    }
    return [...found].sort();
  }, root);
}

/** The fonts laid out ahead: index.html's list, or also the results' samples (`late`). */
export function warmFonts(page: Page, late: boolean): Promise<Set<string>> {
  return page
    .evaluate((withLate) => {
      const boxes = [...document.querySelectorAll<HTMLElement>('#font-warm > span')];
      if (withLate) boxes.push(...[...document.querySelectorAll<HTMLElement>('#font-warm-late *')].filter((el) => el.childElementCount === 0));
      return boxes.map((el) => {
        const s = getComputedStyle(el);
        return `${s.fontWeight} ${s.fontSize} ${s.fontStyle} ${s.fontFamily}`;
      });
    }, late)
    .then((fonts) => new Set(fonts));
}

/**
 * Every font a result under `root` shows is among the samples laid out ahead. The samples are laid out one per idle
 * period (each within 2 s), so on a busy machine the last ones may still be queued when a fast result appears: the
 * check waits for the queue, and fails on a font no sample has.
 */
export async function expectResultFontsWarmed(page: Page, root: string, what: string): Promise<void> {
  const used = await fontsUnder(page, root);
  expect(used.length, `no text found under ${root}`).toBeGreaterThan(1);
  const missing = async () => {
    const warm = await warmFonts(page, true);
    return used.filter((font) => !warm.has(font));
  };
  await expect.poll(missing, { message: `fonts of ${what} missing from the samples in src/ui/font-warm.ts (and #font-warm)`, timeout: 30_000 }).toEqual([]);
}
