import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AutoConfig, env, pipeline } from '@huggingface/transformers';
import { FIRST_CHECK, openTask, setRange } from './helpers/app';

// tiny-random/openpangu-embedded: a random-weight checkpoint in openPangu-Embedded's released format (bf16
// safetensors, SentencePiece tokenizer.model, its chat template), converted by scripts/llama-onnx/export.mjs
// when the mirror starts (into e2e/fixtures/models). Its answers are noise; what is checked is the wiring.
const ID = 'tiny-random/openpangu-embedded';
const GENERATED = new URL('./fixtures/models/', import.meta.url).pathname;
const FOLDER = path.join(GENERATED, ID);
const SYSTEM = 'You are a helpful assistant.';
const LABEL = 'openPangu-Embedded · Llama-family decoder with attention biases';
const MAX_NEW = 8;

/**
 * What the app must show for one message, worked out in Node by Transformers.js on the same folder: the
 * prompt is the chat template rendered and tokenized with <s> (as the model's own example does), and the
 * reply is greedy with the chat task's repetition penalty.
 */
async function expected(message: string): Promise<{ prompt: number; reply: number }> {
  env.allowRemoteModels = false;
  env.localModelPath = GENERATED;
  const config = await AutoConfig.from_pretrained(ID);
  Object.assign(config, { model_type: 'llama', architectures: ['LlamaForCausalLM'] });
  const chat = await pipeline('text-generation', ID, { dtype: 'fp32', config, session_options: { intraOpNumThreads: 1 } });
  const turns = [{ role: 'system', content: SYSTEM }, { role: 'user', content: message }];
  const text = chat.tokenizer.apply_chat_template(turns, { tokenize: false, add_generation_prompt: true }) as string;
  const inputs = chat.tokenizer(text);
  const out = (await chat.model.generate({ ...inputs, max_new_tokens: MAX_NEW, do_sample: false, repetition_penalty: 1.1 })) as { dims: number[] };
  const prompt = inputs.input_ids.dims[1];
  await chat.dispose();
  return { prompt, reply: out.dims[1] - prompt };
}

/** The reply's stats line: its prompt (part may come from the kept cache) and new tokens. */
const statsOf = (want: { prompt: number; reply: number }) => new RegExp(`^${want.prompt} prompt tokens( \\(\\d+ from cache\\))? · ${want.reply} new`);

async function send(page: Page, text: string) {
  const before = Number(await page.getByTestId('output').getAttribute('data-run-seq'));
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-input').press('Enter');
  await expect(page.getByTestId('output')).toHaveAttribute('data-run-seq', String(before + 1), { timeout: 120_000 });
  await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
}

async function greedy(page: Page) {
  await page.getByTestId('param-do_sample').uncheck();
  await setRange(page, 'param-max_new_tokens', MAX_NEW);
}

test.describe('openPangu-Embedded, converted by the exporter', () => {
  test('chats through the mirror in its own template; the fast-thinking switch adds its marker', async ({ page }) => {
    await openTask(page, 'chat', ID);
    await expect(page.getByTestId('plan-arch')).toHaveText(`${LABEL} ✓ supported`, FIRST_CHECK);
    await greedy(page);
    await page.getByTestId('fast-thinking').check();
    await send(page, '你好');
    const reply = page.getByTestId('message-assistant').first();
    const fast = await expected('你好 /no_think');
    await expect(reply.getByTestId('message-stats')).toHaveText(statsOf(fast));
    await expect(page.getByTestId('message-user').first()).toHaveText(/你好$/); // the marker is not shown as typed
    await expect(page.getByTestId('load-status')).toContainText(ID);
    await expect(page.getByTestId('load-family')).toHaveText(LABEL);

    // Without the switch the same message is shorter by exactly the marker's tokens.
    await page.getByTestId('clear-chat').click();
    await page.getByTestId('fast-thinking').uncheck();
    await send(page, '你好');
    const slow = await expected('你好');
    expect(slow.prompt).toBeLessThan(fast.prompt);
    await expect(page.getByTestId('message-assistant').first().getByTestId('message-stats')).toHaveText(statsOf(slow));
  });

  test('chats from a folder on disk (Local folder), nothing uploaded', async ({ page }) => {
    await openTask(page, 'chat', 'karpathy/tinyllamas-stories260K');
    await expect(page.getByTestId('fast-thinking')).toHaveCount(0); // a model without the switch shows none
    await page.getByTestId('browse-models').click();
    await page.getByTestId('browser-tab-local').click();
    await page.getByTestId('folder-input').setInputFiles(FOLDER);
    await expect(page.getByTestId('folder-problems')).toHaveCount(0);
    await page.getByTestId('use-folder').click();
    await expect(page.getByTestId('model-input')).toHaveValue('local:openpangu-embedded');
    await expect(page.getByTestId('plan-arch')).toHaveText(`${LABEL} ✓ supported`, FIRST_CHECK);
    await expect(page.getByTestId('fast-thinking')).toBeVisible();
    await greedy(page);
    await send(page, 'hello world');
    const want = await expected('hello world');
    await expect(page.getByTestId('message-assistant').first().getByTestId('message-stats')).toHaveText(statsOf(want));
    await expect(page.getByTestId('load-status')).toContainText('local/openpangu-embedded');
  });
});
