import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectRunDone, FIRST_CHECK, openTask, runAndWait } from './helpers/app';
import reference from './fixtures/reference/python-outputs.json' with { type: 'json' };

// The app's numbers against Python's: e2e/fixtures/reference/python-outputs.json holds what each model gives on
// Python transformers' preprocessing (PIL), made by scripts/reference/preprocess.py + score.mjs (see their headers).
// Targets (issue 15): scores within 0.005, boxes within 1 px. The MANIFEST / tiny-random README numbers are
// Node's (sharp) preprocessing, not the reference, and are not used here.
const SCORE = 0.005;
const BOX_PX = 1;

type Case = keyof typeof reference;
const SAMPLE_LABEL: Record<string, string> = { 'chelsea.png': 'Cat', 'coffee.png': 'Coffee', 'astronaut.png': 'Astronaut' };

async function runCase(page: Page, id: Case) {
  const ref = reference[id];
  await openTask(page, ref.task, ref.model);
  await page.getByRole('button', { name: SAMPLE_LABEL[ref.image], exact: true }).click();
  await expect(page.getByTestId('image-preview')).toHaveAttribute('src', new RegExp(`samples/${ref.image}`));
  if ('labels' in ref) {
    await page.getByTestId('clear-labels').click();
    await page.getByTestId('label-entry').fill(ref.labels.join(', '));
    await page.getByTestId('label-entry').press('Enter');
  }
  await runAndWait(page, 300_000);
  await expectRunDone(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  return JSON.parse(await readFile((await download.path())!, 'utf8')).output;
}

interface Scored { label: string; score: number }

function expectScores(actual: Scored[], expected: Scored[], n: number) {
  // Same ranking, each score within the target.
  expect(actual.slice(0, n).map((s) => s.label)).toEqual(expected.slice(0, n).map((s) => s.label));
  for (let i = 0; i < n; i++) expect(Math.abs(actual[i].score - expected[i].score), expected[i].label).toBeLessThanOrEqual(SCORE);
}

test.describe('the reference’s own numbers (Python transformers + PIL preprocessing)', () => {
  // Two model runs in some tests, each with a first load, on a shared 2-core machine.
  test.describe.configure({ timeout: 360_000 });

  test('MobileNetV2 q8: chelsea.png "Egyptian Mau" 0.670 and coffee.png "espresso" 0.9975, as in Python', async ({ page }) => {
    const chelsea = reference['mobilenetv2-chelsea'].output;
    expect(chelsea[0]).toMatchObject({ label: 'Egyptian Mau' });
    expect(chelsea[0].score).toBeCloseTo(0.67, 2);
    expectScores(await runCase(page, 'mobilenetv2-chelsea'), chelsea, 3);
    expectScores(await runCase(page, 'mobilenetv2-coffee'), reference['mobilenetv2-coffee'].output, 3);
  });

  test('YOLOX: the same boxes as on Python’s preprocessing, within 1 px', async ({ page }) => {
    for (const id of ['yolox-coffee', 'yolox-astronaut'] as const) {
      const { detections } = await runCase(page, id);
      const expected = reference[id].output;
      expect(detections.map((d: Scored) => d.label)).toEqual(expected.map((d) => d.label));
      expected.forEach((want, i) => {
        expect(Math.abs(detections[i].score - want.score)).toBeLessThanOrEqual(SCORE);
        for (const k of ['xmin', 'ymin', 'xmax', 'ymax'] as const) {
          expect(Math.abs(detections[i].box[k] - want.box[k]), `${id} ${want.label} ${k}`).toBeLessThanOrEqual(BOX_PX);
        }
      });
    }
  });

  test('tiny-random ViT: top 3 ship 0.281, airplane 0.211, cat 0.203 as Python ranks them', async ({ page }) => {
    const expected = reference['vit-chelsea'].output;
    expect(expected.slice(0, 3).map((s) => s.label)).toEqual(['ship', 'airplane', 'cat']);
    expectScores(await runCase(page, 'vit-chelsea'), expected, 5);
  });

  test('tiny-random CLIP zero-shot: the three label scores', async ({ page }) => {
    const { scores } = await runCase(page, 'clip-chelsea');
    expectScores(scores, reference['clip-chelsea'].output, 3);
  });

  test('tiny-random SegFormer: the same labels covering the same share of the picture', async ({ page }) => {
    const { segments } = await runCase(page, 'segformer-chelsea');
    const expected = reference['segformer-chelsea'].output;
    expect(segments.map((s: { label: string }) => s.label)).toEqual(expected.map((s) => s.label));
    expected.forEach((want, i) => expect(Math.abs(segments[i].area - want.area), want.label).toBeLessThanOrEqual(SCORE));
  });

  test('tiny-random DPT: the same depth range', async ({ page }) => {
    const { min, max } = await runCase(page, 'dpt-chelsea');
    const want = reference['dpt-chelsea'].output;
    expect(Math.abs(min - want.min)).toBeLessThanOrEqual(want.max * 1e-3);
    expect(Math.abs(max - want.max)).toBeLessThanOrEqual(want.max * 1e-3);
  });
});

test.describe('reference check in the UI', () => {
  test.describe.configure({ timeout: 360_000 });

  test('a Python reference loaded beside a result: per-field differences, a badge, in the export and the share link', async ({ page }) => {
    const dir = await mkdtemp(join(tmpdir(), 'reference-'));
    const python = reference['mobilenetv2-chelsea'].output;
    // The bare list a Python pipeline prints (README: the one-liner), and one with a score moved by 0.05.
    const good = join(dir, 'python-chelsea.json');
    const bad = join(dir, 'tampered.json');
    await writeFile(good, JSON.stringify(python));
    await writeFile(bad, JSON.stringify(python.map((s, i) => (i === 0 ? { ...s, score: s.score - 0.05 } : s))));

    await runCase(page, 'mobilenetv2-chelsea');
    await page.getByTestId('reference-file').setInputFiles(bad);
    await expect(page.getByTestId('reference-badge')).toHaveAttribute('data-pass', 'false');
    await expect(page.locator('[data-testid=reference-row][data-field="[].score"]')).toHaveAttribute('data-pass', 'false');
    await expect(page.locator('[data-testid=reference-row][data-field="[].label"]')).toHaveAttribute('data-pass', 'true');
    const { violations } = await new AxeBuilder({ page }).include('[data-testid=reference-check]').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`)).toEqual([]);

    await page.getByTestId('reference-file').setInputFiles(good);
    await expect(page.getByTestId('reference-badge')).toHaveAttribute('data-pass', 'true');
    await expect(page.getByTestId('reference-badge')).toHaveText('Matches the reference');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
    const doc = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(doc.referenceCheck).toMatchObject({ pass: true, source: 'python-chelsea.json' });

    // The link carries the reference: after Run in a fresh page the same badge comes back.
    await page.getByTestId('share-button').click();
    const input = page.getByTestId('share-link');
    await expect(input).toHaveValue(/#s=2\./);
    const link = await input.inputValue();
    const other = await page.context().newPage();
    await other.goto(link);
    await other.getByTestId('share-run').click(FIRST_CHECK);
    await expect(other.getByTestId('reference-badge')).toHaveAttribute('data-pass', 'true', { timeout: 300_000 });

    await page.getByTestId('share-close').click();
    await page.getByTestId('reference-remove').click();
    await expect(page.getByTestId('reference-badge')).toHaveCount(0);
  });
});
