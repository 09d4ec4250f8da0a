import { expect, test } from '@playwright/test';
import { expectRunDone, openTask, runAndWait, setRange, topLabel } from './helpers/app';
import { injectInline, watchCsp } from './helpers/csp';

// The built app runs under the Content-Security-Policy of scripts/csp.mjs, sent by `vite preview` as a header and
// written into index.html as a <meta>. Real runs must report no violation; injected inline script must not run.
test.describe('Content-Security-Policy', () => {
  test('the page and its worker script carry the policy; the build has it as a <meta> too', async ({ page, request }) => {
    const response = await page.goto('./');
    const header = response?.headers()['content-security-policy'] ?? '';
    expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).toContain("object-src 'none'");
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
    // frame-ancestors is ignored (with a console warning) in a <meta>: it is header-only.
    expect(meta).not.toContain('frame-ancestors');
    const script = await page.locator('script[type=module][src]').first().getAttribute('src');
    const asset = await request.get(script ?? '');
    expect(asset.headers()['content-security-policy']).toBe(header);
  });

  test('text and vision runs on real models report no violation', async ({ page }) => {
    const csp = await watchCsp(page);
    await openTask(page, 'text-classification', 'fixtures/potion-base-4M-sentiment-anchors');
    await page.getByTestId('text-input').fill('I love this movie');
    await runAndWait(page);
    await expectRunDone(page);
    await expect(topLabel(page)).toHaveText('POSITIVE');

    await page.getByTestId('task-image-classification').click();
    await page.getByTestId('model-input').fill('onnxmodelzoo/mobilenetv2-12-int8');
    await page.getByRole('button', { name: 'Coffee', exact: true }).click();
    await expect(page.getByTestId('image-preview')).toHaveAttribute('src', /samples\//);
    await runAndWait(page);
    await expectRunDone(page);
    await expect(topLabel(page)).toHaveText('espresso');

    expect(await csp.events()).toEqual([]);
    expect(csp.console).toEqual([]);
  });

  test('a chat reply rendered as Markdown with code and math (KaTeX styles and fonts) reports no violation', async ({ page }) => {
    test.setTimeout(300_000);
    const csp = await watchCsp(page);
    await openTask(page, 'chat', 'karpathy/tinyllamas-stories260K');
    await page.getByTestId('param-do_sample').uncheck();
    await setRange(page, 'param-max_new_tokens', 8);
    await page.getByTestId('chat-input').fill('Once upon a time');
    await page.getByTestId('chat-input').press('Enter');
    await expect(page.getByTestId('message-assistant')).toHaveCount(1, { timeout: 240_000 });
    // The tiny model writes no Markdown: put a Markdown answer in the app's saved conversation and reload.
    await page.evaluate((text) => {
      const saved = JSON.parse(localStorage.getItem('model-playground') ?? 'null');
      const assistant = saved?.state?.inputByTask?.chat?.messages?.find((m: { role: string }) => m.role === 'assistant');
      if (!assistant) throw new Error('the app did not save the conversation');
      assistant.content = text;
      localStorage.setItem('model-playground', JSON.stringify(saved));
    }, '```python\nprint(1)\n```\n\n$$\n\\frac{n(n+1)}{2}\n$$');
    await page.reload();
    const reply = page.getByTestId('message-assistant').locator('.markdown.md-rich');
    await expect(reply.locator('pre code.hljs .hljs-built_in')).toHaveText('print');
    await expect(reply.locator('.katex-display .mfrac')).toHaveCount(1);
    expect(await page.evaluate(() => document.fonts.ready.then((fonts) => [...fonts].filter((f) => f.status === 'error').length))).toBe(0);
    expect(await csp.events()).toEqual([]);
    expect(csp.console).toEqual([]);
  });

  test('an injected inline script, and an inline handler are blocked and reported', async ({ page }) => {
    const csp = await watchCsp(page);
    await page.goto('./');
    await expect(page.getByTestId('task-text-classification')).toBeVisible();
    const outcome = await injectInline(page);
    expect(outcome).toEqual({ inlineRan: false, handlerRan: false });
    // (eval is not tried here: code run through DevTools, as page.evaluate is, is exempt from the policy.)
    // Each is reported twice: the header and the <meta> are two policies, both enforced.
    const directives = async () => (await csp.events()).map((v) => v.directive).sort();
    await expect.poll(directives).toEqual(['script-src-attr', 'script-src-attr', 'script-src-elem', 'script-src-elem']);
    expect(csp.console.length).toBeGreaterThanOrEqual(2);
  });
});
