// @ts-check
/**
 * Writes two RANDOM-weight image + text fixtures in the file layout and ONNX contract Transformers.js 4.3.1 loads,
 * for e2e wiring only (their boxes and scores mean nothing), like make-caption-fixture.mjs:
 *
 *   tiny-random/owlvit-zero-shot-detection  (`zero-shot-object-detection`, OwlViTForObjectDetection)
 *     onnx/model.onnx  input_ids i64[text_batch_size,sequence_length], attention_mask i64[same],
 *                      pixel_values f32[image_batch_size,3,32,32]
 *                      → logits f32[image_batch_size,num_boxes,text_batch_size] (16 boxes: one per 8×8 patch),
 *                        pred_boxes f32[image_batch_size,num_boxes,4] (cx, cy, w, h in 0..1),
 *                        text_embeds f32[text_batch_size,32], image_embeds f32[image_batch_size,4,4,32]
 *     (the names of optimum's OWL-ViT export; the pipeline reads logits and pred_boxes, sigmoid per label).
 *   tiny-random/clip-image-similarity  (`image-feature-extraction`, CLIP in two towers)
 *     onnx/vision_model.onnx  pixel_values f32[batch_size,3,32,32] → image_embeds f32[batch_size,16],
 *                             last_hidden_state f32[batch_size,16,32]   (CLIPVisionModelWithProjection)
 *     onnx/text_model.onnx    input_ids i64[batch_size,sequence_length] → text_embeds f32[batch_size,16],
 *                             last_hidden_state f32[batch_size,sequence_length,32]   (CLIPTextModelWithProjection)
 *     Neither tower normalises its embeddings (as in transformers' *WithProjection classes).
 *     onnx/model.onnx         the whole CLIPModel (input_ids, pixel_values, attention_mask → logits_per_image,
 *                             logits_per_text, text_embeds, image_embeds), as Xenova's CLIP repos ship it: the
 *                             config says CLIPModel, so Transformers.js lists a repo's precisions from this file.
 *
 * Both carry a CLIP-style byte-level BPE tokenizer.json (`</w>` word ends, lower-cased, <|startoftext|> and
 * <|endoftext|> last) with no merges: every character is its own token.
 *   node scripts/make-vision-text-fixtures.mjs [outDir]   (default e2e/fixtures/models, git-ignored)
 */
import path from 'node:path';
import { rng } from './llama-onnx/weights.mjs';
import { HIDDEN, IMAGE, PATCH, PROJECTION, VOCAB, clipFiles, owlFiles } from './vision-text-fixture-configs.mjs';
import { ELEM, attrInt, attrInts, node, tensor, valueInfo } from './onnx-proto.mjs';
import { FIXTURES_DIR, onnxWriter, randn, runAsScript, writeRepo } from './fixture-kit.mjs';

export const OWL_FIXTURE_ID = 'tiny-random/owlvit-zero-shot-detection';
export const CLIP_FIXTURE_ID = 'tiny-random/clip-image-similarity';
const GRID = IMAGE / PATCH;

const { FLOAT, INT64 } = ELEM;
const model = onnxWriter('make-vision-text-fixtures');
const logit = (/** @type {number} */ p) => Math.log(p / (1 - p));

/** Conv patches → [batch, GRID*GRID, HIDDEN] tanh tokens (shared by both vision graphs). */
function patchTokens(/** @type {() => number} */ next, /** @type {string} */ out) {
  return {
    initializers: [
      tensor('patch_weight', [HIDDEN, 3, PATCH, PATCH], randn(next, HIDDEN * 3 * PATCH * PATCH, 0.2)),
      tensor('patch_bias', [HIDDEN], randn(next, HIDDEN, 0.1)),
      tensor('token_shape', [3], BigInt64Array.from([0n, BigInt(HIDDEN), -1n])),
    ],
    nodes: [
      node('Conv', ['pixel_values', 'patch_weight', 'patch_bias'], ['patches'], [attrInts('kernel_shape', [PATCH, PATCH]), attrInts('strides', [PATCH, PATCH])]),
      node('Reshape', ['patches', 'token_shape'], ['flat']),
      node('Transpose', ['flat'], ['tokens_raw'], [attrInts('perm', [0, 2, 1])]),
      node('Tanh', ['tokens_raw'], [out]),
    ],
  };
}

/** Box offsets: each patch's box starts centred on that patch, 40% of the picture wide (pre-sigmoid). */
function boxOffsets() {
  const offsets = new Float32Array(GRID * GRID * 4);
  for (let row = 0; row < GRID; row++) {
    for (let col = 0; col < GRID; col++) {
      const at = (row * GRID + col) * 4;
      offsets.set([logit((col + 0.5) / GRID), logit((row + 0.5) / GRID), logit(0.4), logit(0.4)], at);
    }
  }
  return offsets;
}

export function owlModel() {
  const next = rng(11);
  const vision = patchTokens(next, 'tokens');
  return model({
    name: 'tiny_owlvit_detector',
    inputs: [
      valueInfo('input_ids', INT64, ['text_batch_size', 'sequence_length']),
      valueInfo('pixel_values', FLOAT, ['image_batch_size', 3, IMAGE, IMAGE]),
      valueInfo('attention_mask', INT64, ['text_batch_size', 'sequence_length']),
    ],
    outputs: [
      valueInfo('logits', FLOAT, ['image_batch_size', 'num_boxes', 'text_batch_size']),
      valueInfo('pred_boxes', FLOAT, ['image_batch_size', 'num_boxes', 4]),
      valueInfo('text_embeds', FLOAT, ['text_batch_size', HIDDEN]),
      valueInfo('image_embeds', FLOAT, ['image_batch_size', GRID, GRID, HIDDEN]),
    ],
    initializers: [
      ...vision.initializers,
      tensor('wte', [VOCAB, HIDDEN], randn(next, VOCAB * HIDDEN, 1)),
      tensor('text_projection', [HIDDEN, HIDDEN], randn(next, HIDDEN * HIDDEN, 0.6)),
      tensor('logit_scale', [1], Float32Array.from([2])),
      tensor('logit_bias', [1], Float32Array.from([-4])),
      tensor('box_weight', [HIDDEN, 4], randn(next, HIDDEN * 4, 0.15)),
      tensor('box_offset', [GRID * GRID, 4], boxOffsets()),
      tensor('grid_shape', [4], BigInt64Array.from([-1n, BigInt(GRID), BigInt(GRID), BigInt(HIDDEN)])),
      // Unsqueeze takes its axes as an input from opset 13.
      tensor('unsqueeze_axes', [1], BigInt64Array.from([2n])),
    ],
    nodes: [
      ...vision.nodes,
      node('Reshape', ['tokens', 'grid_shape'], ['image_embeds']),
      // Text: masked mean of token embeddings, projected.
      node('Gather', ['wte', 'input_ids'], ['embedded'], [attrInt('axis', 0)]),
      node('Cast', ['attention_mask'], ['mask_float'], [attrInt('to', FLOAT)]),
      node('Unsqueeze', ['mask_float', 'unsqueeze_axes'], ['mask3']),
      node('Mul', ['embedded', 'mask3'], ['masked']),
      node('ReduceMean', ['masked'], ['pooled'], [attrInts('axes', [1]), attrInt('keepdims', 0)]),
      node('MatMul', ['pooled', 'text_projection'], ['text_raw']),
      node('Tanh', ['text_raw'], ['text_embeds']),
      // Each box's score for each query: a dot product, scaled and shifted so a few clear the threshold.
      node('Transpose', ['text_embeds'], ['text_t'], [attrInts('perm', [1, 0])]),
      node('MatMul', ['tokens', 'text_t'], ['similarity']),
      node('Mul', ['similarity', 'logit_scale'], ['scaled']),
      node('Add', ['scaled', 'logit_bias'], ['logits']),
      node('MatMul', ['tokens', 'box_weight'], ['box_delta']),
      node('Add', ['box_delta', 'box_offset'], ['box_raw']),
      node('Sigmoid', ['box_raw'], ['pred_boxes']),
    ],
  });
}

/** CLIP's vision tower: patch tokens, flattened (so pictures differ) and projected; the output names are given. */
function visionTower({ embeds = 'image_embeds', hidden = 'last_hidden_state' } = {}) {
  const next = rng(12);
  const vision = patchTokens(next, hidden);
  return {
    initializers: [
      ...vision.initializers,
      tensor('flatten_shape', [2], BigInt64Array.from([0n, -1n])),
      tensor('visual_projection', [GRID * GRID * HIDDEN, PROJECTION], randn(next, GRID * GRID * HIDDEN * PROJECTION, 0.1)),
    ],
    nodes: [...vision.nodes, node('Reshape', [hidden, 'flatten_shape'], ['flat_tokens']), node('MatMul', ['flat_tokens', 'visual_projection'], [embeds])],
  };
}

/** CLIP's text tower: token embeddings, mean-pooled and projected; the output names are given. */
function textTower({ embeds = 'text_embeds', hidden = 'last_hidden_state' } = {}) {
  const next = rng(13);
  return {
    initializers: [tensor('wte', [VOCAB, HIDDEN], randn(next, VOCAB * HIDDEN, 1)), tensor('text_projection', [HIDDEN, PROJECTION], randn(next, HIDDEN * PROJECTION, 0.5))],
    nodes: [
      node('Gather', ['wte', 'input_ids'], ['embedded'], [attrInt('axis', 0)]),
      node('Tanh', ['embedded'], [hidden]),
      node('ReduceMean', [hidden], ['pooled'], [attrInts('axes', [1]), attrInt('keepdims', 0)]),
      node('MatMul', ['pooled', 'text_projection'], [embeds]),
    ],
  };
}

/** CLIPVisionModelWithProjection (onnx/vision_model.onnx). */
export function clipVisionModel() {
  return model({
    name: 'tiny_clip_vision_with_projection',
    inputs: [valueInfo('pixel_values', FLOAT, ['batch_size', 3, IMAGE, IMAGE])],
    outputs: [valueInfo('image_embeds', FLOAT, ['batch_size', PROJECTION]), valueInfo('last_hidden_state', FLOAT, ['batch_size', GRID * GRID, HIDDEN])],
    ...visionTower(),
  });
}

/** CLIPTextModelWithProjection (onnx/text_model.onnx). */
export function clipTextModel() {
  return model({
    name: 'tiny_clip_text_with_projection',
    inputs: [valueInfo('input_ids', INT64, ['batch_size', 'sequence_length'])],
    outputs: [valueInfo('text_embeds', FLOAT, ['batch_size', PROJECTION]), valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', HIDDEN])],
    ...textTower(),
  });
}

/**
 * CLIPModel (onnx/model.onnx), as the Hub's CLIP repos ship it beside the two towers: Transformers.js reads the
 * precisions a CLIP repo offers from this file's variants. The same towers, L2-normalised, and logits at scale 100.
 */
export function clipModel() {
  const vision = visionTower({ embeds: 'image_raw', hidden: 'vision_hidden' });
  const text = textTower({ embeds: 'text_raw', hidden: 'text_hidden' });
  const normalise = (/** @type {string} */ raw, /** @type {string} */ out) => [
    node('ReduceL2', [raw], [`${raw}_norm`], [attrInts('axes', [1]), attrInt('keepdims', 1)]),
    node('Div', [raw, `${raw}_norm`], [out]),
  ];
  return model({
    name: 'tiny_clip',
    inputs: [
      valueInfo('input_ids', INT64, ['text_batch_size', 'sequence_length']),
      valueInfo('pixel_values', FLOAT, ['image_batch_size', 3, IMAGE, IMAGE]),
      valueInfo('attention_mask', INT64, ['text_batch_size', 'sequence_length']),
    ],
    outputs: [
      valueInfo('logits_per_image', FLOAT, ['image_batch_size', 'text_batch_size']),
      valueInfo('logits_per_text', FLOAT, ['text_batch_size', 'image_batch_size']),
      valueInfo('text_embeds', FLOAT, ['text_batch_size', PROJECTION]),
      valueInfo('image_embeds', FLOAT, ['image_batch_size', PROJECTION]),
    ],
    initializers: [...vision.initializers, ...text.initializers, tensor('logit_scale', [1], Float32Array.from([100]))],
    nodes: [
      ...vision.nodes,
      ...text.nodes,
      ...normalise('image_raw', 'image_embeds'),
      ...normalise('text_raw', 'text_embeds'),
      node('Transpose', ['text_embeds'], ['text_t'], [attrInts('perm', [1, 0])]),
      node('MatMul', ['image_embeds', 'text_t'], ['cosine']),
      node('Mul', ['cosine', 'logit_scale'], ['logits_per_image']),
      node('Transpose', ['logits_per_image'], ['logits_per_text'], [attrInts('perm', [1, 0])]),
    ],
  });
}

/** Writes both fixtures under `<outDir>/tiny-random/` and returns their folders. */
export function writeVisionTextFixtures(outDir = FIXTURES_DIR) {
  const owl = path.join(outDir, OWL_FIXTURE_ID);
  const clip = path.join(outDir, CLIP_FIXTURE_ID);
  writeRepo(owl, owlFiles(), { 'model.onnx': owlModel() });
  writeRepo(clip, clipFiles(), { 'model.onnx': clipModel(), 'vision_model.onnx': clipVisionModel(), 'text_model.onnx': clipTextModel() });
  return [owl, clip];
}

runAsScript(import.meta.url, writeVisionTextFixtures);
