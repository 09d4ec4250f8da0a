#!/usr/bin/env node
// @ts-nocheck -- a developer tool run by hand with Debian Python beside it; it reaches into Transformers.js pipeline internals (pipeline.processor) that its public types do not describe.
/**
 * Turns the reference tensors of scripts/reference/preprocess.py into model outputs: Transformers.js in Node
 * (onnxruntime-node), with each pipeline's per-image preprocessing replaced by Python's tensor, so everything
 * after the preprocessing (model, softmax, box and mask post-processing) is the code the app runs too.
 *
 *   /usr/bin/python3 scripts/reference/preprocess.py --models ../shared/models --out /tmp/fidelity-ref
 *   MODELS_DIR=../shared/models node scripts/reference/score.mjs /tmp/fidelity-ref
 *
 * Writes e2e/fixtures/reference/python-outputs.json, which e2e/fidelity.spec.ts compares the app with.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { env, pipeline, RawImage, Tensor } from '@huggingface/transformers';

const root = new URL('../../', import.meta.url).pathname;
const tensors = resolve(process.argv[2] ?? '/tmp/fidelity-ref');
env.localModelPath = `${resolve(process.env.MODELS_DIR ?? '../shared/models')}/`;
env.allowRemoteModels = false;

const { cases } = JSON.parse(readFileSync(`${root}src/runtime/preprocess/fixtures/python-preprocess.json`, 'utf8'));

/**
 * How each case is run and what of its output is kept (the app's own run.ts settings).
 * @type {Record<string, { task: string, dtype?: string, labels?: string[], run: (p: any, img: any) => Promise<any> }>}
 */
const RUNS = {
  'mobilenetv2': { task: 'image-classification', dtype: 'q8', run: (p, img) => p(img, { top_k: 5 }) },
  'yolox': { task: 'object-detection', dtype: 'fp32', run: (p, img) => p(img, { threshold: 0.1, percentage: false }) },
  'vit': { task: 'image-classification', run: (p, img) => p(img, { top_k: 5 }) },
  'clip': {
    task: 'zero-shot-image-classification',
    labels: ['cat', 'dog', 'car'],
    run: (p, img) => p(img, ['cat', 'dog', 'car'], { hypothesis_template: 'a photo of {}.' }),
  },
  'segformer': {
    task: 'image-segmentation',
    run: async (p, img) => (await p(img)).map((s) => ({ label: s.label, area: coverage(s.mask.data) })),
  },
  'dpt': {
    task: 'depth-estimation',
    run: async (p, img) => {
      const raw = (await p(img)).predicted_depth.data;
      return { min: raw.reduce((a, b) => Math.min(a, b)), max: raw.reduce((a, b) => Math.max(a, b)) };
    },
  },
};

function coverage(mask) {
  let on = 0;
  for (const v of mask) if (v >= 128) on += 1;
  return on / mask.length;
}

const out = {};
for (const [id, c] of Object.entries(cases)) {
  const spec = RUNS[id.split('-')[0]];
  const pipe = await pipeline(spec.task, c.model, spec.dtype ? { dtype: spec.dtype } : {});
  const buf = readFileSync(`${tensors}/${id}.f32`);
  const pixels = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
  const processor = pipe.processor.image_processor ?? pipe.processor;
  processor.preprocess = async (image) => ({
    original_size: [image.height, image.width],
    reshaped_input_size: [c.resized.height, c.resized.width],
    pixel_values: new Tensor('float32', Float32Array.from(pixels), c.tensor.dims),
  });
  const image = await RawImage.read(`${root}public/samples/${c.image}`);
  const output = await spec.run(pipe, image);
  out[id] = { task: spec.task, model: c.model, image: c.image, ...(spec.labels ? { labels: spec.labels } : {}), output };
  console.log(id, JSON.stringify(output).slice(0, 160));
  await pipe.dispose();
}
mkdirSync(`${root}e2e/fixtures/reference`, { recursive: true });
writeFileSync(`${root}e2e/fixtures/reference/python-outputs.json`, `${JSON.stringify(out, null, 1)}\n`);
console.log('wrote e2e/fixtures/reference/python-outputs.json');
