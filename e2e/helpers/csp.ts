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

/** Injects an inline script and an inline handler; returns whether either ran. */
export async function injectInline(page: Page) {
  return page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onerror="window.__handlerRan = true">';
    document.body.append(holder);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { inlineRan: w.__inlineRan === true, handlerRan: w.__handlerRan === true };
  });
}
