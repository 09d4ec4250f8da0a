import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIRST_CHECK, MIRROR } from './helpers/app';

// The first five minutes: the link `npm start` prints opens every task on a model the mirror has,
// and Run works without typing anything. OCR brings its own model; the ONNX lab waits for a file.

test.describe('defaults on a mirror', () => {
  test.describe.configure({ timeout: 1_500_000 });

  test('every task opens on a model the mirror has and Run gives a result', async ({ page }) => {
    await page.goto(`./?host=${encodeURIComponent(MIRROR)}`);
    const observed: Record<string, string> = {};
    // Every task in the picker, in its order (the ONNX lab is checked after).
    // The picker renders a few tasks after the page loads (start-up is split into short tasks): wait for it.
    await expect(page.getByTestId('task-text-classification')).toBeVisible(FIRST_CHECK);
    const ids = await page.locator('[data-testid^="task-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.slice(5)));
    expect(ids.length).toBeGreaterThanOrEqual(23);
    for (const task of ids.filter((id) => id !== 'onnx-lab')) {
      await test.step(task, async () => {
        await page.getByTestId(`task-${task}`).click();
        const model = page.getByTestId('model-input');
        // The untouched default is a model the host has: never empty, never a Hub-only id.
        await expect(model).not.toHaveValue('', FIRST_CHECK);
        await expect(page.getByTestId('no-host-model')).toHaveCount(0);
        observed[task] = await model.inputValue();
        const before = await page.getByTestId('output').getAttribute('data-run-seq');
        await page.getByTestId('run-button').click();
        const ended = page.locator(
          `[data-testid=output][data-status=done]:not([data-run-seq="${before}"]), [data-testid=output][data-status=error]:not([data-run-seq="${before}"]), [data-testid=load-error]`,
        );
        await expect(ended.first()).toBeVisible({ timeout: 300_000 });
        await expect(page.getByTestId('load-error')).toHaveCount(0);
        await expect(page.getByTestId('run-error')).toHaveCount(0);
        await expect(page.getByTestId('model-check-error')).toHaveCount(0);
        await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'done');
        await expect(page.getByTestId('output')).not.toBeEmpty();
      });
    }
    console.log(`defaults on the mirror:\n${Object.entries(observed).map(([t, m]) => `  ${t} → ${m}`).join('\n')}`);
    test.info().annotations.push({ type: 'defaults', description: JSON.stringify(observed) });
    // Curated models the mirror has win over the rest; tasks the catalog has nothing for use the host's own.
    expect(observed['image-classification']).toBe('onnxmodelzoo/mobilenetv2-12-int8');
    expect(observed['text-classification']).toBe('fixtures/potion-base-4M-sentiment-anchors');
    expect(observed['image-to-text']).toBe('tiny-random/vit-gpt2-captioning');
    expect(observed['image-text-to-text']).toBe('tiny-random/smolvlm-chat');
    expect(observed.translation).toBe('tiny-random/t5-text2text');
    expect(observed['zero-shot-object-detection']).toBe('tiny-random/owlvit-zero-shot-detection');
    expect(observed['image-similarity']).toBe('tiny-random/clip-image-similarity');

    // The ONNX lab takes a file: its empty state says so, and Run explains instead of failing.
    await page.getByTestId('task-onnx-lab').click();
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('lab-input-error')).toHaveText('Drop an .onnx file, choose one, or give its URL first.');
  });

  test('a chosen model stays when the task is opened again; the suggestions are the host models', async ({ page }) => {
    await page.goto(`./?host=${encodeURIComponent(MIRROR)}`);
    await page.getByTestId('task-image-classification').click();
    await expect(page.getByTestId('model-input')).toHaveValue('onnxmodelzoo/mobilenetv2-12-int8', FIRST_CHECK);
    const chips = page.getByTestId('model-suggestions').getByRole('button');
    await expect(chips).toHaveText([/^onnxmodelzoo\/mobilenetv2-12-int8/, 'tiny-random/vit-image-classification']);
    await chips.nth(1).click();
    await page.getByTestId('task-fill-mask').click();
    await expect(page.getByTestId('model-input')).toHaveValue('tiny-random/bert-fill-mask');
    await page.getByTestId('task-image-classification').click();
    await expect(page.getByTestId('model-input')).toHaveValue('tiny-random/vit-image-classification');
  });
});

test.describe('a host with no model for a task', () => {
  let dir: string;
  let child: ReturnType<typeof spawn> | undefined;
  let host = '';

  test.beforeAll(async () => {
    // A second mirror with one model (and none of the generated fixtures overlaid by hand).
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'few-models-'));
    fs.mkdirSync(path.join(dir, 'karpathy'));
    fs.symlinkSync(path.join(process.env.MODELS_DIR ?? path.resolve('../shared/models'), 'karpathy/tinyllamas-stories260K'), path.join(dir, 'karpathy', 'tinyllamas-stories260K'), 'dir');
    child = spawn(process.execPath, ['scripts/model-mirror.mjs', '--dir', dir, '--port', '0'], { env: { ...process.env, MIRROR_EXTRA_DIRS: '' } });
    host = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (chunk) => {
        out += chunk;
        const match = / at (http:\S+)/.exec(out);
        if (match) resolve(match[1]);
      });
      child!.on('exit', () => reject(new Error(`mirror exited: ${out}`)));
    });
  });

  test.afterAll(() => {
    child?.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the model bar says what to put where, and Run says it too', async ({ page }) => {
    await page.goto(`./?host=${encodeURIComponent(host)}`);
    await page.getByTestId('task-question-answering').click();
    const empty = page.getByTestId('no-host-model');
    await expect(empty).toContainText(`${new URL(host).host} has no model for Question answering: none tagged question-answering.`);
    await expect(empty).toContainText('MODELS_DIR');
    await expect(empty).toContainText('Local folder');
    await expect(page.getByTestId('model-input')).toHaveValue('');
    await expect(page.getByTestId('model-suggestions')).toHaveCount(0);
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('load-error')).toContainText('has no model for Question answering');
    // The task this host does have a model for opens on it.
    await page.getByTestId('task-chat').click();
    await expect(page.getByTestId('model-input')).toHaveValue('karpathy/tinyllamas-stories260K');
    await expect(page.getByTestId('no-host-model')).toHaveCount(0);
  });
});
