import { expect, test, type Page } from '@playwright/test';
import { MIRROR, openTask, setRange } from './helpers/app';

const MODEL = 'karpathy/tinyllamas-stories260K';

async function send(page: Page, text: string) {
  const before = Number(await page.getByTestId('output').getAttribute('data-run-seq'));
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-input').press('Enter');
  // The first message loads the model before the run starts.
  await expect(page.getByTestId('output')).toHaveAttribute('data-run-seq', String(before + 1), { timeout: 120_000 });
  await expect(page.getByTestId('output')).toHaveAttribute('data-status', /done|error/, { timeout: 90_000 });
}

async function greedyChat(page: Page) {
  await openTask(page, 'chat', MODEL);
  await page.getByTestId('param-do_sample').uncheck();
  await setRange(page, 'param-max_new_tokens', 24);
}

test.describe('chat', () => {
  test('multi-turn: replies stream in, the cache is reused, regenerate, edit and clear', async ({ page }) => {
    await greedyChat(page);
    await send(page, 'Once upon a time');
    const replies = page.getByTestId('message-assistant');
    await expect(replies).toHaveCount(1);
    await expect(replies.first()).not.toContainText('Thinking');
    expect((await replies.first().locator('.markdown').innerText()).length).toBeGreaterThan(10);
    await expect(replies.first().getByTestId('message-stats')).toContainText(/\d+ prompt tokens · 24 new · first token [\d.]+ ms · [\d.]+ tok\/s/);
    await expect(page.getByTestId('context-meter')).toContainText(/context \d+ \/ 512/);

    // The follow-up starts from the kept key/value cache instead of recomputing the history.
    await send(page, 'The dog ran to the park.');
    await expect(replies).toHaveCount(2);
    await expect(replies.nth(1).getByTestId('message-stats')).toContainText(/\(\d+ from cache\)/);

    // Regenerate replaces the last answer; greedy decoding gives the same text again.
    const lastText = await replies.nth(1).locator('.markdown').innerText();
    await replies.nth(1).getByTestId('regenerate').click();
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'done');
    await expect(replies).toHaveCount(2);
    await expect(replies.nth(1).locator('.markdown')).toHaveText(lastText);

    // Edit-and-resend: the second question goes back to the composer, later turns are dropped.
    await page.getByTestId('message-user').nth(1).getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByTestId('chat-input')).toHaveValue('The dog ran to the park.');
    await expect(page.getByTestId('message-user')).toHaveCount(1);
    await expect(replies).toHaveCount(1);

    await page.getByTestId('clear-chat').click();
    await expect(page.getByTestId('message-user')).toHaveCount(0);
  });

  test('messages are shown as text: HTML in a message never runs', async ({ page }) => {
    await greedyChat(page);
    const hostile = '<img src=x onerror="window.__pwned = 1"><script>window.__pwned = 2</script>';
    await send(page, hostile);
    await expect(page.getByTestId('message-user').first()).toContainText(hostile);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('.messages img')).toHaveCount(0);
  });

  test('a model without a chat template works as plain completion, and the UI says so', async ({ page, context }) => {
    // The same edited file for every request, Range probes included (answered whole, as a server without Range
    // support does): the app checks a download's length against what the host announced for it. The file is read
    // once, before the page asks for it, so no request waits on a fetch made from inside the route.
    const original = await context.request.get(`${MIRROR}${MODEL}/resolve/main/tokenizer_config.json`);
    expect(original.ok()).toBe(true);
    const config = await original.json();
    delete config.chat_template;
    const body = JSON.stringify(config);
    const headers = { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };
    await context.route(`**/${MODEL}/resolve/main/tokenizer_config.json`, (route) => route.fulfill({ status: 200, headers, body }));
    await greedyChat(page);
    await send(page, 'Once upon a time');
    await expect(page.getByTestId('completion-note')).toContainText('no chat template');
    // Completion continues the text exactly like text-generation does (MANIFEST.md's greedy output).
    await expect(page.getByTestId('message-assistant').first()).toContainText('there was a little girl named Lily');
  });

  test('a conversation longer than the context gets a clear message and is kept', async ({ page }) => {
    await greedyChat(page);
    const long = Array.from({ length: 160 }, (_, i) => `word${i}`).join(' ');
    await send(page, long);
    await expect(page.locator('.input-pane [role=alert]')).toContainText(/over this model’s context of 512/);
    await expect(page.getByTestId('message-user').first()).toContainText('word159');
    await expect(page.getByTestId('message-assistant')).toHaveCount(0);
  });

  test('a double click on Send asks once and gets one answer', async ({ page }) => {
    await greedyChat(page);
    await page.getByTestId('chat-input').fill('Once upon a time');
    await page.getByTestId('run-button').dblclick();
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    await expect(page.getByTestId('message-user')).toHaveCount(1);
    await expect(page.getByTestId('message-assistant')).toHaveCount(1);
  });

  test('sending nothing asks for a message', async ({ page }) => {
    await greedyChat(page);
    // A new chat opens with a sample message ready to send; emptied, Run asks for one.
    await expect(page.getByTestId('chat-input')).not.toHaveValue('');
    await page.getByTestId('chat-input').fill('');
    await page.getByTestId('run-button').click();
    await expect(page.locator('.input-pane [role=alert]')).toContainText('Type a message first.');
  });
});
