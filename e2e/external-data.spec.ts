import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AutoConfig, env, pipeline } from '@huggingface/transformers';
import { readCheckpointDir } from '../scripts/llama-onnx/checkpoint.mjs';
import { exportLlama } from '../scripts/llama-onnx/export.mjs';
import { writeTinyPanguCheckpoint } from '../scripts/llama-onnx/tiny-pangu.mjs';
import { FIRST_CHECK, openTask, setRange } from './helpers/app';

// The tiny openPangu-Embedded checkpoint exported with ONNX external data, split into several side files
// (onnx/model.onnx_data, _data_1…) as a >2 GiB fp16 model is: the browser must fetch every one and hand them
// to onnxruntime-web. Loaded from disk (Local folder); the reply's token counts are Transformers.js's in Node.
const NAME = 'openpangu-external';
const root = mkdtempSync(path.join(tmpdir(), 'external-data-e2e-'));
const FOLDER = path.join(root, NAME);
const MAX_NEW = 6;

test.beforeAll(() => {
  const checkpoint = writeTinyPanguCheckpoint(path.join(root, 'checkpoint'));
  exportLlama({ ...readCheckpointDir(checkpoint), outDir: FOLDER, precisions: ['fp32'], externalData: true, dataChunkBytes: 32 * 1024 });
});
test.afterAll(() => rmSync(root, { recursive: true, force: true }));

async function expectedTokens(message: string): Promise<{ prompt: number; reply: number }> {
  Object.assign(env, { allowRemoteModels: false, allowLocalModels: true, localModelPath: `${root}/` });
  const config = await AutoConfig.from_pretrained(NAME);
  Object.assign(config, { model_type: 'llama', architectures: ['LlamaForCausalLM'] });
  const chat = await pipeline('text-generation', NAME, { dtype: 'fp32', config, session_options: { intraOpNumThreads: 1 } });
  const turns = [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: message }];
  const inputs = chat.tokenizer(chat.tokenizer.apply_chat_template(turns, { tokenize: false, add_generation_prompt: true }) as string);
  const out = (await chat.model.generate({ ...inputs, max_new_tokens: MAX_NEW, do_sample: false, repetition_penalty: 1.1 })) as { dims: number[] };
  await chat.dispose();
  return { prompt: inputs.input_ids.dims[1], reply: out.dims[1] - inputs.input_ids.dims[1] };
}

test('a model in external data, split in side files, is planned and chats from a local folder', async ({ page }) => {
  const sideFiles = readdirSync(path.join(FOLDER, 'onnx')).filter((f) => f.includes('.onnx_data'));
  expect(sideFiles.length).toBeGreaterThan(2);
  await openTask(page, 'chat', 'karpathy/tinyllamas-stories260K');
  await page.getByTestId('browse-models').click();
  await page.getByTestId('browser-tab-local').click();
  await page.getByTestId('folder-input').setInputFiles(FOLDER);
  await expect(page.getByTestId('folder-problems')).toHaveCount(0);
  await page.getByTestId('use-folder').click();
  await expect(page.getByTestId('plan-arch')).toContainText('✓ supported', FIRST_CHECK);
  const planned = (file: string) => page.getByTestId('plan-files').locator('li').filter({ has: page.getByText(file, { exact: true }) });
  for (const file of sideFiles) await expect(planned(`onnx/${file}`)).toHaveCount(1);
  await expect(planned('onnx/model.onnx_data_1')).toContainText(/\d+(\.\d+)? kB/);

  await page.getByTestId('param-do_sample').uncheck();
  await setRange(page, 'param-max_new_tokens', MAX_NEW);
  await page.getByTestId('chat-input').fill('hello world');
  await page.getByTestId('chat-input').press('Enter');
  await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  const want = await expectedTokens('hello world');
  await expect(page.getByTestId('message-assistant').first().getByTestId('message-stats')).toHaveText(new RegExp(`^${want.prompt} prompt tokens.* · ${want.reply} new`));
});
