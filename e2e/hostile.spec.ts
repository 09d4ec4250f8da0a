// Hostile models and hostile links. Models anyone can publish may name their labels `__proto__`,
// `constructor` or `<img onerror>`; a share link may point the app at any model host. Copies of the
// fixtures with hostile labels are written at test time into a temp folder served by a second mirror.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { FIRST_CHECK, MIRROR, expectRunDone, runAndWait, setRange } from './helpers/app';
import { startMirror } from '../scripts/model-mirror.mjs';

const MODELS = process.env.MODELS_DIR ?? '/work/shared/models';
const XSS = '<img src=x onerror=alert(1)>';
const LONG = `long-${'x'.repeat(4995)}`;
const HOSTILE = ['__proto__', 'constructor', 'toString', XSS, 'hasOwnProperty', '', LONG, 'valueOf', 'B-__proto__', '__defineGetter__'];
const STORE_KEY = 'model-playground';

type Mirror = { url: string; close(): Promise<void>; server: import('node:http').Server };
let hostile: Mirror;
let dir: string;

/** Copies a fixture to hostile/<name> with its labels replaced (label2id kept in step). */
function hostileCopy(from: string, name: string, labels: (original: Record<string, string>) => string[], extra: Record<string, string> = {}): void {
  const target = path.join(dir, 'hostile', name);
  fs.cpSync(path.join(MODELS, from), target, { recursive: true, dereference: true });
  const configPath = path.join(target, 'config.json');
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
  const next = labels(config.id2label);
  const id2label: Record<string, string> = { ...Object.fromEntries(next.map((label, i) => [String(i), label])), ...extra };
  // Written as JSON text, so `__proto__` is an ordinary key in the file, as a published config would have it.
  config.id2label = undefined;
  config.label2id = undefined;
  const pairs = (entries: [string, string | number][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
  const text = JSON.stringify(config, null, 1).replace(/\}\s*$/, `,"id2label":${pairs(Object.entries(id2label))},"label2id":${pairs(Object.entries(id2label).map(([id, label]) => [label, Number(id)]))}}`);
  fs.writeFileSync(configPath, text);
}

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-models-'));
  hostileCopy('fixtures/potion-base-4M-sentiment-anchors', 'sentiment', () => ['__proto__', XSS]);
  hostileCopy('tiny-random/bert-token-classification', 'ner', () => ['O', 'B-__proto__', 'I-__proto__', 'B-constructor', `B-${XSS}`, 'B-toString', 'B-hasOwnProperty']);
  // Zero-shot finds its entailment id by name: those labels stay; hostile ones are added after them.
  hostileCopy('tiny-random/bert-nli', 'nli', (original) => Object.values(original), { 3: '__proto__', 4: 'constructor', 5: XSS });
  hostileCopy('tiny-random/vit-image-classification', 'vit', () => HOSTILE);
  hostileCopy('tiny-random/segformer-segmentation', 'segformer', () => HOSTILE.slice(0, 7));
  hostileCopy('Megvii-BaseDetection/yolox-nano', 'yolox', (original) => Object.keys(original).map((id) => HOSTILE[Number(id) % HOSTILE.length]));
  hostile = await startMirror({ dir, extraDirs: [], port: 0 });
});

test.afterAll(async () => {
  await hostile?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** No dialog may ever open (an `onerror=alert(1)` that ran would open one). */
function guard(page: Page): void {
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
}

/** Each of `texts` is the exact text of one of the elements. */
async function expectTexts(locator: Locator, texts: string[]): Promise<void> {
  await expect.poll(() => locator.allTextContents()).toEqual(expect.arrayContaining(texts));
}

async function openHostile(page: Page, task: string, model: string): Promise<void> {
  guard(page);
  await page.goto(`./?host=${encodeURIComponent(hostile.url)}`);
  await page.getByTestId(`task-${task}`).click();
  await page.getByTestId('model-input').fill(`hostile/${model}`);
}

/** Runs, checks the labels show as text, then reloads: the saved result comes back and nothing is dropped. */
async function runAndReload(page: Page, output: string, expectLabels: (page: Page) => Promise<void>, saved = true): Promise<void> {
  await runAndWait(page, 200_000);
  await expectRunDone(page);
  await expectLabels(page);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.reload();
  // Results with pixel masks are too large to be saved; the others come back after the reload.
  await expect(page.getByTestId('output')).toHaveAttribute('data-status', saved ? 'done' : 'idle');
  await expect(page.getByTestId('result-dropped')).toHaveCount(0);
  if (saved) {
    await expect(page.getByTestId(output)).toBeVisible();
    await expectLabels(page);
  }
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // Still usable: another task opens, and back.
  await page.getByTestId('task-fill-mask').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/fill/i);
}

test.describe('hostile model labels', () => {
  test.describe.configure({ timeout: 300_000 });

  test('token classification: a B-__proto__ label renders as text, and a reload stays clean', async ({ page }) => {
    await openHostile(page, 'token-classification', 'ner');
    await runAndReload(page, 'ner-output', async (p) => {
      const legend = p.getByTestId('entity-legend');
      await expect(legend.locator('li[data-type="__proto__"]')).toHaveText('__proto__');
      await expect(legend.locator('li[data-type="constructor"]')).toHaveText('constructor');
      await expect(legend.locator('li[data-type="toString"]')).toHaveText('toString');
      await expect(legend.locator(`li[data-type="${XSS}"]`)).toHaveText(XSS);
    });
  });

  test('text classification', async ({ page }) => {
    await openHostile(page, 'text-classification', 'sentiment');
    await runAndReload(page, 'score-bars', async (p) => {
      await expectTexts(p.getByTestId('score-bars').locator('.score-label'), ['__proto__', XSS]);
    });
  });

  test('zero-shot classification keeps its entailment label and shows hostile candidates as text', async ({ page }) => {
    await openHostile(page, 'zero-shot-classification', 'nli');
    await page.getByTestId('clear-labels').click();
    for (const label of ['__proto__', 'constructor', XSS]) {
      await page.getByTestId('label-entry').fill(label);
      await page.getByTestId('add-labels').click();
    }
    await runAndReload(page, 'zero-shot-output', async (p) => {
      await expectTexts(p.getByTestId('zero-shot-output').locator('.score-label'), ['__proto__', 'constructor', XSS]);
    });
  });

  test('image classification: every hostile label, long and empty ones too', async ({ page }) => {
    await openHostile(page, 'image-classification', 'vit');
    await setRange(page, 'param-top_k', 10);
    await runAndReload(page, 'score-bars', async (p) => {
      const labels = p.getByTestId('score-bars').locator('.score-label');
      await expect(labels).toHaveCount(10);
      await expectTexts(labels, HOSTILE);
    });
  });

  test('segmentation legend', async ({ page }) => {
    await openHostile(page, 'image-segmentation', 'segformer');
    await runAndReload(page, 'segment-legend', async (p) => {
      const items = p.getByTestId('segment-label');
      expect(await items.count()).toBeGreaterThan(0);
      for (const label of await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-label') ?? ''))) {
        expect(HOSTILE.some((hostileLabel) => label === hostileLabel || label.startsWith(`${hostileLabel} #`))).toBe(true);
      }
    }, false);
  });

  test('object detection boxes and list', async ({ page }) => {
    await openHostile(page, 'object-detection', 'yolox');
    await runAndReload(page, 'detection-overlay', async (p) => {
      const boxes = p.getByTestId('detection-box');
      expect(await boxes.count()).toBeGreaterThan(0);
      for (const label of await boxes.evaluateAll((els) => els.map((el) => el.getAttribute('data-label') ?? ''))) expect(HOSTILE).toContain(label);
    });
  });

  test('a saved result that cannot be shown is cleared with a notice, and the next reload is clean', async ({ page }) => {
    guard(page);
    await page.goto('./');
    await expect(page.getByTestId('task-token-classification')).toBeVisible();
    const seeded = await page.evaluate((key) => {
      const saved = JSON.parse(localStorage.getItem(key) ?? '{"state":{},"version":2}');
      saved.state.task = 'token-classification';
      // The shape an older build (or a damaged store) might hold: not what the panel can draw.
      saved.state.lastRun = { status: 'done', seq: 0, task: 'token-classification', input: 'x', output: { text: 'x', entities: 5, types: 7 } };
      return JSON.stringify(saved);
    }, STORE_KEY);
    // Written before the app's scripts run on the next load (once), so the open page cannot save over it first.
    await page.addInitScript(([key, value]) => {
      if (sessionStorage.getItem('seeded')) return;
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }, [STORE_KEY, seeded] as const);
    await page.reload();
    await expect(page.getByTestId('result-dropped')).toContainText('This result could not be shown and was cleared.');
    await expect(page.getByTestId('output')).toHaveAttribute('data-status', 'idle');
    expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).state.lastRun, STORE_KEY)).toBeUndefined();
    await page.getByTestId('text-input').fill('Still usable');
    await page.reload();
    await expect(page.getByTestId('text-input')).toHaveValue('Still usable');
    await expect(page.getByTestId('result-dropped')).toHaveCount(0);
  });
});

/** The legacy v0 link form: uncompressed JSON with long keys (src/share/codec.ts). */
const v0Link = (state: Record<string, unknown>) => `./#s=0.${Buffer.from(JSON.stringify(state)).toString('base64url')}`;
const savedHost = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).state.host as string, STORE_KEY);

test.describe('a share link with another model host', () => {
  test.describe.configure({ timeout: 300_000 });
  let other: Mirror;
  let otherDir: string;
  let hits: string[] = [];

  test.beforeAll(async () => {
    // A catalog model id (1.2 MB on the Hub) that this other host serves at 30 MB.
    otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'other-host-'));
    const target = path.join(otherDir, 'karpathy', 'tinyllamas-stories260K');
    fs.cpSync(path.join(MODELS, 'karpathy', 'tinyllamas-stories260K'), target, { recursive: true, dereference: true });
    fs.truncateSync(path.join(target, 'onnx', 'model.onnx'), 30_000_000);
    other = await startMirror({ dir: otherDir, extraDirs: [], port: 0 });
    other.server.on('request', (request: { url?: string }) => hits.push(request.url ?? ''));
  });

  test.afterAll(async () => {
    await other?.close();
    if (otherDir) fs.rmSync(otherDir, { recursive: true, force: true });
  });

  test('sends nothing to the link’s host before consent, then asks with that host’s real size; Dismiss restores the user’s host', async ({ page }) => {
    guard(page);
    await page.goto(`./?host=${encodeURIComponent(MIRROR)}`);
    await expect(page.getByTestId('host-badge')).toContainText(new URL(MIRROR).host);
    const otherHost = new URL(other.url).host;
    const blocked: string[] = [];
    page.context().on('request', (request) => {
      if (request.url().startsWith('http://169.254.169.254')) blocked.push(request.url());
    });
    hits = [];

    await page.goto(v0Link({ task: 'text-generation', model: 'karpathy/tinyllamas-stories260K', host: other.url }));
    const notice = page.getByTestId('share-notice');
    await expect(notice).toHaveAttribute('data-host-held', 'true');
    await expect(page.getByTestId('share-host-held')).toContainText(other.url);
    await expect(page.getByTestId('share-allow-host')).toHaveText(`Allow ${otherHost} for this demo`);
    await expect(page.getByTestId('host-badge')).toHaveText(new RegExp(`demo host: ${otherHost} \\(not allowed\\)`));
    // Give the app every chance to reach the host (model check, precision list, default probe), then count.
    await expect(page.getByTestId('capabilities')).toBeVisible();
    await page.waitForTimeout(4000);
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('load-error')).toContainText(`which you have not allowed`);
    expect(hits).toEqual([]);
    expect(await savedHost(page)).toBe(MIRROR);

    await page.getByTestId('share-allow-host').click();
    // The size is what this host serves (30 MB), not the catalog's 1.2 MB, and it asks first.
    await expect(page.getByTestId('share-run')).toHaveText('Run (downloads ~30 MB)', FIRST_CHECK);
    expect(hits.length).toBeGreaterThan(0);
    await page.getByTestId('share-run').click();
    await expect(page.getByTestId('share-confirm')).toContainText(`This downloads about 30 MB from ${otherHost}`);
    await page.getByRole('button', { name: 'Not now' }).click();
    expect(await savedHost(page)).toBe(MIRROR);

    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('host-badge')).toHaveText(`mirror: ${new URL(MIRROR).host}`);
    await page.reload();
    await expect(page.getByTestId('host-badge')).toHaveText(`mirror: ${new URL(MIRROR).host}`);

    // An address inside the cloud metadata range: named, and never fetched.
    await page.goto(v0Link({ task: 'fill-mask', host: 'http://169.254.169.254/' }));
    await expect(page.getByTestId('share-allow-host')).toHaveText('Allow 169.254.169.254 for this demo');
    await page.waitForTimeout(3000);
    expect(blocked).toEqual([]);
    await page.getByTestId('leave-link-host').click();
    await expect(page.getByTestId('host-badge')).toHaveText(`mirror: ${new URL(MIRROR).host}`);
  });
});
