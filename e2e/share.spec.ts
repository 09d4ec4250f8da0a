import { expect, test, type Page } from '@playwright/test';
import { expectRunDone, FIRST_CHECK, MIRROR, openTask, runAndWait, setRange, topLabel } from './helpers/app';

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

/** The legacy v0 link form: uncompressed JSON with long keys, base64url (src/share/codec.ts). */
function v0Link(state: Record<string, unknown>): string {
  return `./#s=0.${Buffer.from(JSON.stringify(state)).toString('base64url')}`;
}

/** Fails the test if anything in the page ever runs injected script or opens a dialog. */
function guard(page: Page): void {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
}

/** The link in the Share dialog, once it is made (it is compressed asynchronously after the dialog opens). */
async function shareLink(page: Page): Promise<string> {
  const input = page.getByTestId('share-link');
  await expect(input).toHaveValue(/#s=2\./);
  return input.inputValue();
}

/** Allows a link's model host (not the browser's own) for its demo. */
async function allowLinkHost(page: Page): Promise<void> {
  await page.getByTestId('share-allow-host').click();
  await expect(page.getByTestId('share-notice')).toHaveAttribute('data-host-held', 'false');
}

async function expectNotPwned(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
}

test.describe('share links', () => {
  // Each test loads real models, on a shared 2-core machine.
  test.describe.configure({ timeout: 300_000 });
  test('a link reopens the same demo in a fresh browser and gives the same result after Run', async ({ page, browser }) => {
    test.setTimeout(300_000);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openTask(page, 'text-generation', 'karpathy/tinyllamas-stories260K');
    await page.getByTestId('prompt-input').fill('Once upon a time');
    await setRange(page, 'param-max_new_tokens', 24);
    await setRange(page, 'param-repetition_penalty', 1.2);
    await page.getByTestId('device-select').selectOption('wasm');
    await runAndWait(page);
    await expectRunDone(page);
    const completion = await page.getByTestId('completion').innerText();
    expect(completion.length).toBeGreaterThan(20);

    await page.getByTestId('share-button').click();
    const link = await shareLink(page);
    expect(link).toMatch(/#s=2\.[\w-]+$/);
    const contents = page.getByTestId('share-contents');
    await expect(contents).toContainText('Text generation');
    await expect(contents).toContainText('karpathy/tinyllamas-stories260K');
    await expect(contents).toContainText(MIRROR);
    await expect(contents).toContainText('max_new_tokens = 24');
    await expect(contents).toContainText('repetition_penalty = 1.2');
    await expect(contents).toContainText('Once upon a time');
    await page.getByTestId('share-copy').click();
    await expect(page.getByTestId('share-copy')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.getByTestId('share-close').click();

    // The same browser has the model cached: the link offers Run at once, no question asked.
    const again = await page.context().newPage();
    await again.goto(link);
    await expect(again.getByTestId('share-run')).toHaveText('Run (model is cached)', FIRST_CHECK);
    await again.close();

    // A fresh context: nothing cached, nothing remembered.
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    guard(other);
    await other.goto(link);
    const notice = other.getByTestId('share-notice');
    await expect(notice).toHaveAttribute('data-kind', 'restored');
    await expect(notice).toContainText('Opened a shared demo: Text generation with karpathy/tinyllamas-stories260K from 127.0.0.1');
    // The link's host is not this browser's own (the Hub): it is named, and used once allowed.
    await allowLinkHost(other);
    await expect(other.getByTestId('share-dropped')).toHaveCount(0);
    await expect(other.getByTestId('task-text-generation')).toHaveAttribute('aria-current', 'page');
    await expect(other.getByTestId('model-input')).toHaveValue('karpathy/tinyllamas-stories260K');
    await expect(other.getByTestId('host-badge')).toContainText('127.0.0.1');
    await expect(other.getByTestId('prompt-input')).toHaveValue('Once upon a time');
    await expect(other.getByTestId('param-max_new_tokens')).toHaveValue('24');
    await expect(other.getByTestId('param-repetition_penalty')).toHaveValue('1.2');
    await expect(other.getByTestId('device-select')).toHaveValue('wasm');
    // The fragment is consumed: a reload does not re-apply the link.
    expect(new URL(other.url()).hash).toBe('');
    // Nothing was downloaded or run by opening the link.
    await expect(other.getByTestId('output')).toHaveAttribute('data-status', 'idle');

    // Not cached here, but small (1.2 MB on that host): Run starts at once.
    await expect(other.getByTestId('share-run')).toHaveText('Run (downloads ~1.2 MB)', FIRST_CHECK);
    await other.getByTestId('share-run').click();
    await expect(other.getByTestId('output')).toHaveAttribute('data-status', /done|error/, { timeout: 200_000 });
    await expectRunDone(other);
    await expect(other.getByTestId('completion')).toHaveText(completion);
    await expect(other.getByTestId('share-notice')).toHaveCount(0);
    await fresh.close();
  });

  test('an old (v0) link still opens, and a shared sample image comes back by reference', async ({ page }) => {
    await page.goto(v0Link({ task: 'object-detection', model: 'Megvii-BaseDetection/yolox-nano', host: MIRROR, params: { threshold: 0.7 }, input: { kind: 'sample', name: 'coffee.png' } }));
    const notice = page.getByTestId('share-notice');
    await expect(notice).toHaveAttribute('data-version', '0');
    await expect(notice).toContainText('Object detection with Megvii-BaseDetection/yolox-nano');
    await allowLinkHost(page);
    await expect(page.getByTestId('image-preview')).toHaveAttribute('alt', 'coffee.png');
    // 3.7 MB on that host: small enough to run without a question.
    await expect(page.getByTestId('share-run')).toHaveText('Run (downloads ~3.7 MB)', FIRST_CHECK);
    await page.getByTestId('share-run').click();
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', /done|error/, { timeout: 200_000 });
    await expectRunDone(page);
    // The threshold is applied in the view: the link's 0.7 is the one in use.
    await expect(page.getByTestId('threshold')).toHaveValue('0.7');
    await expect(page.locator('[data-testid=detection-box][data-label=cup]')).toHaveCount(1);

    // Sharing it again puts the sample's name in the link, not its pixels.
    await page.getByTestId('share-button').click();
    await expect(page.getByTestId('share-contents')).toContainText('bundled sample image coffee.png');
    expect((await shareLink(page)).length).toBeLessThan(400);
  });

  test('a large catalog model asks before downloading; an uncatalogued one waits for the model check', async ({ page }) => {
    await page.goto(v0Link({ task: 'chat', model: 'HuggingFaceTB/SmolLM2-360M-Instruct' }));
    await page.getByTestId('share-run').click(FIRST_CHECK);
    await expect(page.getByTestId('share-confirm')).toContainText('This downloads about 368 MB from huggingface.co');
    await page.getByRole('button', { name: 'Not now' }).click();
    await expect(page.getByTestId('share-run')).toHaveText('Run (downloads ~368 MB)');
    await expect(page.locator('.load-status.idle')).toBeVisible();

    await page.goto(v0Link({ task: 'text-classification', model: 'fixtures/potion-base-4M-sentiment-anchors', host: MIRROR, input: 'I love this movie' }));
    await allowLinkHost(page);
    // Not in the catalog: the offer waits for the model check, then says the real size (small: no question).
    await expect(page.getByTestId('share-run')).toHaveText('Run (downloads ~4.5 MB)', FIRST_CHECK);
    await page.screenshot({ path: test.info().outputPath('share-consent.png') });
    await page.getByTestId('share-run').click();
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', /done|error/, { timeout: 200_000 });
    await expectRunDone(page);
    await expect(topLabel(page)).toHaveText('POSITIVE');
  });

  test('hostile links: script in every field, huge values, unknown fields are dropped with a notice', async ({ page }) => {
    guard(page);
    await page.goto(
      v0Link({
        task: 'text-classification',
        model: XSS,
        host: `javascript:${XSS}`,
        revision: XSS,
        device: XSS,
        dtype: XSS,
        params: { [XSS]: 1 },
        input: XSS,
        [XSS]: XSS,
      }),
    );
    const notice = page.getByTestId('share-notice');
    await expect(notice).toHaveAttribute('data-kind', 'restored');
    const dropped = page.getByTestId('share-dropped');
    for (const line of ['model: not a valid model id', 'model host: not an http(s) address', 'revision: not a branch, tag or commit', 'device: not auto, webgpu or wasm', 'precision: not one this app knows', 'not a setting of this task']) {
      await expect(dropped).toContainText(line);
    }
    // The text input is data: it shows as typed text, and nothing in it runs.
    await expect(page.getByTestId('text-input')).toHaveValue(XSS);
    await expect(page.getByTestId('model-input')).toHaveValue('Xenova/distilbert-base-uncased-finetuned-sst-2-english');
    await expect(page.getByText('Hugging Face Hub')).toBeVisible();
    await expectNotPwned(page);

    await page.goto(v0Link({ task: 'question-answering', input: { context: 'x'.repeat(30_000), question: 'Who?', evil: XSS }, params: { top_k: 1e308 } }));
    await expect(page.getByTestId('share-dropped')).toContainText('input.context: longer than 20,000 characters');
    await expect(page.getByTestId('share-dropped')).toContainText('input.evil: unknown field');
    await expect(page.getByTestId('share-dropped')).toContainText('parameter “top_k”: not a setting of this task');
    await expectNotPwned(page);
    await page.screenshot({ path: test.info().outputPath('hostile-link.png') });
  });

  test('tampered, truncated, unknown-version and unknown-task links are refused, and the app stays as it was', async ({ page }) => {
    guard(page);
    await openTask(page, 'text-classification', 'fixtures/potion-base-4M-sentiment-anchors');
    await page.getByTestId('text-input').fill('Kept as typed');
    await page.getByTestId('share-button').click();
    const link = await shareLink(page);
    await page.getByTestId('share-close').click();
    const [base, value] = link.split('#s=');
    const middle = Math.floor(value.length / 2);
    const flipped = value.slice(0, middle) + (value[middle] === 'A' ? 'B' : 'A') + value.slice(middle + 1);
    const cases: [string, RegExp][] = [
      [`${base}#s=${value.slice(0, value.length - 8)}`, /damaged|cut short|readable/],
      [`${base}#s=${value.slice(0, 6)}`, /damaged|cut short|readable/],
      [`${base}#s=${flipped}`, /damaged|cut short|readable|not a shared demo/],
      [`${base}#s=7.${value.slice(2)}`, /format version 7/],
      [`${base}#s=1.<script>alert(1)</script>`, /characters a share link never has/],
      [`${base}#s=1.${'A'.repeat(60_000)}`, /too long/],
      [v0Link({ task: XSS, input: XSS }), /task this app does not have/],
    ];
    for (const [url, reason] of cases) {
      await page.goto('about:blank');
      await page.goto(url);
      const notice = page.getByTestId('share-notice');
      await expect(notice).toBeVisible();
      if ((await notice.getAttribute('data-kind')) === 'restored') {
        // A flipped bit can still inflate to valid JSON; then every field went through validation.
        await expect(page.getByTestId('task-text-classification')).toBeVisible();
      } else {
        await expect(notice).toHaveAttribute('data-kind', 'refused');
        await expect(notice).toContainText('This share link could not be opened.');
        await expect(notice).toContainText(reason);
        await expect(page.getByTestId('text-input')).toHaveValue('Kept as typed');
      }
      await expectNotPwned(page);
    }
    // The app stays usable after all that.
    await page.getByTestId('share-notice').getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('share-notice')).toHaveCount(0);
    await page.getByTestId('text-input').fill('I love this movie');
    await runAndWait(page);
    await expectRunDone(page);
    await expect(topLabel(page)).toHaveText('POSITIVE');
  });
});
