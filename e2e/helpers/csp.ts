import type { Page } from '@playwright/test';

export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
  }
}

/**
 * Records every Content-Security-Policy violation the page reports, from its first script on: the
 * `securitypolicyviolation` events (kept on `window.__cspViolations`) and Chromium's "Refused to ..."
 * console errors (which also cover reports from the page's workers that reach the console).
 * Call before the first `page.goto`.
 */
export async function watchCsp(page: Page): Promise<{ console: string[]; events: () => Promise<Violation[]> }> {
  const console: string[] = [];
  const record = (text: string) => {
    if (/Content Security Policy|Refused to/i.test(text)) console.push(text);
  };
  page.on('console', (message) => record(message.text()));
  page.on('worker', (worker) => worker.on('console', (message) => record(message.text())));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
  return { console, events: () => page.evaluate(() => window.__cspViolations ?? []) };
}
