import { expect, test, type Page } from '@playwright/test';
import { openTask, setRange } from './helpers/app';

// The test model (karpathy/tinyllamas-stories260K) only writes children's stories, never Markdown. So the reply is
// rendered through the app's own restore path: chat for real, let the app save the conversation as it always does,
// put a Markdown answer (what a larger model writes) in place of the saved reply, and reload.
const MODEL = 'karpathy/tinyllamas-stories260K';
const CODE = 'def mean(xs):\n    return sum(xs) / len(xs)';
const REPLY = [
  '## Comparison',
  '',
  '| Model | Params |',
  '|:--|--:|',
  '| tiny | 260K |',
  '| small | 33M |',
  '',
  '1. Install',
  '   - Python',
  '     - 3.11 or newer',
  '2. Run',
  '',
  '```python',
  CODE,
  '```',
  '',
  'The area is $A = \\pi r^2$, and',
  '',
  '$$',
  '\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}',
  '$$',
  '',
  'Raw HTML stays text: <img src=x onerror="window.__pwned = 1"> <script>window.__pwned = 2</script> [bad](javascript:window.__pwned=3)',
].join('\n');

async function chatOnce(page: Page) {
  await openTask(page, 'chat', MODEL);
  await page.getByTestId('param-do_sample').uncheck();
  await setRange(page, 'param-max_new_tokens', 8);
  await page.getByTestId('chat-input').fill('Once upon a time');
  await page.getByTestId('chat-input').press('Enter');
  await expect(page.getByTestId('message-assistant')).toHaveCount(1, { timeout: 240_000 });
}

/** Replaces the saved assistant reply in the app's own persisted state (the shape comes from the app, not from here). */
async function replaceSavedReply(page: Page, reply: string) {
  await page.evaluate((text) => {
    const saved = JSON.parse(localStorage.getItem('model-playground') ?? 'null');
    const messages = saved?.state?.inputByTask?.chat?.messages as { role: string; content: string }[] | undefined;
    const assistant = messages?.find((m) => m.role === 'assistant');
    if (!assistant) throw new Error('the app did not save the conversation');
    assistant.content = text;
    localStorage.setItem('model-playground', JSON.stringify(saved));
  }, reply);
}

test.describe('chat replies as Markdown', () => {
  test('a restored reply shows a table, nested list, highlighted code with Copy, and math; HTML in it stays text', async ({ page, context }) => {
    test.setTimeout(300_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await chatOnce(page);
    await replaceSavedReply(page, REPLY);
    await page.reload();

    const reply = page.getByTestId('message-assistant').locator('.markdown.md-rich');
    await expect(reply.locator('h2')).toHaveText('Comparison');
    await expect(reply.locator('table th')).toHaveText(['Model', 'Params']);
    await expect(reply.locator('table tbody tr')).toHaveCount(2);
    await expect(reply.locator('ol > li > ul > li > ul > li')).toHaveText('3.11 or newer');
    const code = reply.locator('pre code.hljs.language-python');
    await expect(code).toHaveText(`${CODE}\n`);
    await expect(code.locator('.hljs-keyword').first()).toHaveText('def');
    await expect(reply.locator('p:not(.katex-block) .katex annotation')).toHaveText('A = \\pi r^2');
    await expect(reply.locator('.katex-display .mfrac')).toHaveCount(1);

    const copy = reply.getByRole('button', { name: 'Copy code' });
    await copy.click();
    await expect(reply.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${CODE}\n`);

    await expect(reply).toContainText('<img src=x onerror="window.__pwned = 1"> <script>window.__pwned = 2</script>');
    await expect(reply).toContainText('[bad](javascript:window.__pwned=3)');
    await expect(page.locator('.messages img, .messages script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('the Markdown code (markdown-it, highlight.js, KaTeX) loads with the first reply, not with the app or an empty chat', async ({ page }) => {
    test.setTimeout(300_000);
    const loaded: string[] = [];
    const markdownCode = () => loaded.filter((url) => /markdown-engine|KaTeX/.test(url));
    page.on('request', (request) => loaded.push(request.url()));
    await openTask(page, 'text-classification', 'Xenova/distilbert-base-uncased-finetuned-sst-2-english');
    await expect(page.getByTestId('run-button')).toBeVisible();
    expect(markdownCode()).toEqual([]);

    await page.getByTestId('task-chat').click();
    await page.getByTestId('model-input').fill(MODEL);
    await expect(page.getByTestId('chat-input')).toBeVisible();
    // An empty chat has no reply to format: its start-up does not pay for the pipeline.
    expect(markdownCode()).toEqual([]);

    await page.getByTestId('param-do_sample').uncheck();
    await setRange(page, 'param-max_new_tokens', 8);
    await page.getByTestId('chat-input').fill('Once upon a time');
    await page.getByTestId('chat-input').press('Enter');
    await expect.poll(() => loaded.some((url) => /markdown-engine.*\.js$/.test(url))).toBe(true);
    await expect(page.getByTestId('message-assistant')).toHaveCount(1, { timeout: 240_000 });
    await expect(page.getByTestId('message-assistant').locator('.md-rich')).toBeVisible();
  });
});
