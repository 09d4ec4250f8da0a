// @ts-check
/**
 * Writes `tiny-random/florence2-tasks`: a RANDOM-weight Florence-2 in the file layout and ONNX contract
 * Transformers.js 4.x loads for onnx-community/Florence-2-base-ft (MODEL_TYPES.ImageTextToText with
 * is_encoder_decoder, src/models/session_config.js): task prompt → processor.construct_prompts → vision encoder +
 * embeddings → encoder → merged decoder with its self/cross key/value cache → post_process_generation. Wiring only.
 *
 *   node scripts/make-florence-fixture.mjs [outDir]   (default e2e/fixtures/models, git-ignored)
 *
 * Contract (the real model's names and ranks, tiny sizes; H = 16):
 *   onnx/vision_encoder.onnx  pixel_values f32[batch_size,3,height,width] → image_features f32[batch_size,16,H]
 *   onnx/embed_tokens.onnx    input_ids i64[batch_size,sequence_length] → inputs_embeds f32[batch_size,sequence_length,H]
 *   onnx/encoder_model.onnx   inputs_embeds f32[batch_size,encoder_sequence_length,H], attention_mask i64[…]
 *                             → last_hidden_state f32[batch_size,encoder_sequence_length,H]
 *   onnx/decoder_model_merged.onnx
 *     encoder_attention_mask i64[batch_size,encoder_sequence_length], encoder_hidden_states f32[…,H],
 *     inputs_embeds f32[batch_size,decoder_sequence_length,H], use_cache_branch bool[1],
 *     past_key_values.0.{decoder,encoder}.{key,value} f32[batch_size,1,past_…_length,H]
 *     → logits f32[batch_size,decoder_sequence_length,V], present.0.{decoder,encoder}.{key,value}
 *
 * The decoder is biased so its output parses: it reads the decoding step from its cache length and whether the
 * prompt asks to "Locate" (the capital L's embedding carries a flag through the encoder). A locate prompt (<OD>,
 * dense region captions, region proposals, grounding) gets `<s>` + two `abc<loc_x1><loc_y1><loc_x2><loc_y2>` groups
 * + `</s>`; any other prompt gets lower-case letters and spaces until max_new_tokens. Which letters and locations
 * come out depends on the picture (a random image-dependent term on top of the bias).
 */
import path from 'node:path';
import { rng } from './llama-onnx/weights.mjs';
import { byteLevelVocab } from './make-caption-fixture.mjs';
import { ELEM, attrInt, attrInts, node, tensor, valueInfo } from './onnx-proto.mjs';
import { FIXTURES_DIR, onnxWriter, randn, runAsScript, writeRepo } from './fixture-kit.mjs';
import { florenceProcessorConfig, florenceTokenizer, BYTE_OFFSET, LOC_OFFSET, LOCS, SPECIAL } from './florence-fixture-config.mjs';

export const FLORENCE_FIXTURE_ID = 'tiny-random/florence2-tasks';
const H = 16;
const IMAGE = 32;
const PATCH = 8;
const VOCAB = LOC_OFFSET + LOCS;
const STEPS = 16; // rows of the step tables; later steps use the last row
const FLAG = 8; // the "Locate" flag's value in the L embedding (tanh → ~1 in the encoder)

const { FLOAT, INT64, BOOL } = ELEM;
const model = onnxWriter('make-florence-fixture');
const ints = (/** @type {number[]} */ values) => BigInt64Array.from(values.map(BigInt));

export function visionEncoder() {
  const next = rng(21);
  // Dimension 0 is the prompt's flag channel: image features leave it at zero.
  const keep = new Float32Array(H).fill(1);
  keep[0] = 0;
  return model({
    name: 'tiny_florence2_vision',
    inputs: [valueInfo('pixel_values', FLOAT, ['batch_size', 3, 'height', 'width'])],
    outputs: [valueInfo('image_features', FLOAT, ['batch_size', (IMAGE / PATCH) ** 2, H])],
    initializers: [
      tensor('patch_weight', [H, 3, PATCH, PATCH], randn(next, H * 3 * PATCH * PATCH, 0.2)),
      tensor('patch_bias', [H], randn(next, H, 0.1)),
      tensor('flat_shape', [3], ints([0, H, -1])),
      tensor('keep', [H], keep),
    ],
    nodes: [
      node('Conv', ['pixel_values', 'patch_weight', 'patch_bias'], ['patches'], [attrInts('kernel_shape', [PATCH, PATCH]), attrInts('strides', [PATCH, PATCH])]),
      node('Reshape', ['patches', 'flat_shape'], ['flat']),
      node('Transpose', ['flat'], ['tokens'], [attrInts('perm', [0, 2, 1])]),
      node('Tanh', ['tokens'], ['squashed']),
      node('Mul', ['squashed', 'keep'], ['image_features']),
    ],
  });
}

export function embedTokens() {
  const weight = randn(rng(22), VOCAB * H, 1);
  for (let id = 0; id < VOCAB; id++) weight[id * H] = 0;
  weight[(BYTE_OFFSET + 'L'.charCodeAt(0)) * H] = FLAG;
  return model({
    name: 'tiny_florence2_embed',
    inputs: [valueInfo('input_ids', INT64, ['batch_size', 'sequence_length'])],
    outputs: [valueInfo('inputs_embeds', FLOAT, ['batch_size', 'sequence_length', H])],
    initializers: [tensor('embed_weight', [VOCAB, H], weight)],
    nodes: [node('Gather', ['embed_weight', 'input_ids'], ['inputs_embeds'], [attrInt('axis', 0)])],
  });
}

export function encoderModel() {
  return model({
    name: 'tiny_florence2_encoder',
    inputs: [valueInfo('inputs_embeds', FLOAT, ['batch_size', 'encoder_sequence_length', H]), valueInfo('attention_mask', INT64, ['batch_size', 'encoder_sequence_length'])],
    outputs: [valueInfo('last_hidden_state', FLOAT, ['batch_size', 'encoder_sequence_length', H])],
    nodes: [node('Tanh', ['inputs_embeds'], ['last_hidden_state'])],
  });
}

/** Step tables: 0 where a token is allowed at that step, -30 elsewhere (see the top of this file). */
function stepTables() {
  const text = new Float32Array(STEPS * VOCAB).fill(-30);
  const locate = new Float32Array(STEPS * VOCAB).fill(-30);
  const allow = (/** @type {Float32Array} */ table, /** @type {number} */ step, /** @type {number[]} */ ids) => ids.forEach((id) => (table[step * VOCAB + id] = 0));
  const letters = Array.from({ length: 26 }, (_, i) => BYTE_OFFSET + 97 + i);
  const locs = Array.from({ length: LOCS }, (_, i) => LOC_OFFSET + i);
  for (let step = 0; step < STEPS; step++) allow(text, step, [...letters, BYTE_OFFSET + 32]);
  allow(locate, 0, [SPECIAL['<s>']]);
  for (const start of [1, 8]) {
    for (let i = 0; i < 3; i++) allow(locate, start + i, letters);
    for (let i = 3; i < 7; i++) allow(locate, start + i, locs);
  }
  allow(locate, 15, [SPECIAL['</s>']]);
  return { text, locate };
}

export function decoder() {
  const next = rng(23);
  const { text, locate } = stepTables();
  const kv = (/** @type {string} */ prefix, /** @type {string} */ part, /** @type {string} */ kind, /** @type {string} */ len) =>
    valueInfo(`${prefix}.0.${part}.${kind}`, FLOAT, ['batch_size', 1, len, H]);
  const kvs = (/** @type {string} */ prefix, /** @type {string} */ self, /** @type {string} */ cross) =>
    ['key', 'value'].flatMap((kind) => [kv(prefix, 'decoder', kind, self), kv(prefix, 'encoder', kind, cross)]);
  return model({
    name: 'tiny_florence2_decoder',
    inputs: [
      valueInfo('encoder_attention_mask', INT64, ['batch_size', 'encoder_sequence_length']),
      valueInfo('encoder_hidden_states', FLOAT, ['batch_size', 'encoder_sequence_length', H]),
      valueInfo('inputs_embeds', FLOAT, ['batch_size', 'decoder_sequence_length', H]),
      ...kvs('past_key_values', 'past_decoder_sequence_length', 'encoder_sequence_length_out'),
      valueInfo('use_cache_branch', BOOL, [1]),
    ],
    outputs: [valueInfo('logits', FLOAT, ['batch_size', 'decoder_sequence_length', VOCAB]), ...kvs('present', 'past_decoder_sequence_length + 1', 'encoder_sequence_length_out')],
    initializers: [
      tensor('context_weight', [H, H], randn(next, H * H, 1.5)),
      tensor('lm_head', [H, VOCAB], randn(next, H * VOCAB, 0.6)),
      tensor('text_steps', [STEPS, VOCAB], text),
      tensor('locate_steps', [STEPS, VOCAB], locate),
      tensor('head_axis', [1], ints([1])),
      tensor('length_axis', [1], ints([2])),
      tensor('flag_channel', [1], ints([0])),
      tensor('one', [1], ints([1])),
      tensor('last_step', [1], ints([STEPS - 1])),
    ],
    nodes: [
      // Self-attention cache: the decoder's key is its input embedding.
      node('Unsqueeze', ['inputs_embeds', 'head_axis'], ['new_kv']),
      node('Concat', ['past_key_values.0.decoder.key', 'new_kv'], ['present.0.decoder.key'], [attrInt('axis', 2)]),
      node('Concat', ['past_key_values.0.decoder.value', 'new_kv'], ['present.0.decoder.value'], [attrInt('axis', 2)]),
      node('Unsqueeze', ['encoder_hidden_states', 'head_axis'], ['present.0.encoder.key']),
      node('Identity', ['present.0.encoder.key'], ['present.0.encoder.value']),
      // The step: how many tokens the cache now holds, minus one, capped at the tables' last row.
      node('Shape', ['present.0.decoder.key'], ['kv_shape']),
      node('Gather', ['kv_shape', 'length_axis'], ['kv_length'], [attrInt('axis', 0)]),
      node('Sub', ['kv_length', 'one'], ['step_raw']),
      node('Min', ['step_raw', 'last_step'], ['step']),
      node('Gather', ['text_steps', 'step'], ['text_row'], [attrInt('axis', 0)]),
      node('Gather', ['locate_steps', 'step'], ['locate_row'], [attrInt('axis', 0)]),
      // The "Locate" flag: the largest value of channel 0 over the encoder's states.
      node('Gather', ['encoder_hidden_states', 'flag_channel'], ['flag_column'], [attrInt('axis', 2)]),
      node('ReduceMax', ['flag_column'], ['flag_raw'], [attrInts('axes', [1]), attrInt('keepdims', 1)]),
      node('Round', ['flag_raw'], ['flag']),
      node('Sub', ['locate_row', 'text_row'], ['row_delta']),
      node('Mul', ['flag', 'row_delta'], ['flagged_delta']),
      node('Add', ['text_row', 'flagged_delta'], ['step_bias']),
      // The picture's say: a random term from the token and the mean encoder state.
      node('ReduceMean', ['encoder_hidden_states'], ['context'], [attrInts('axes', [1]), attrInt('keepdims', 1)]),
      node('MatMul', ['context', 'context_weight'], ['context_projected']),
      node('Add', ['inputs_embeds', 'context_projected'], ['mixed']),
      node('Tanh', ['mixed'], ['hidden']),
      node('MatMul', ['hidden', 'lm_head'], ['scores']),
      node('Add', ['scores', 'step_bias'], ['logits']),
    ],
  });
}

export function florenceFiles() {
  const comment = 'RANDOM weights (fixed seeds): a wiring test fixture, its answers mean nothing. Generated by scripts/make-florence-fixture.mjs.';
  const ids = { bos_token_id: SPECIAL['<s>'], pad_token_id: SPECIAL['<pad>'], eos_token_id: SPECIAL['</s>'], decoder_start_token_id: SPECIAL['</s>'] };
  return {
    'config.json': {
      _comment: comment,
      architectures: ['Florence2ForConditionalGeneration'],
      model_type: 'florence2',
      is_encoder_decoder: true,
      ...ids,
      projection_dim: H,
      text_config: {
        model_type: 'florence2_language', vocab_size: VOCAB, d_model: H, encoder_layers: 1, decoder_layers: 1,
        encoder_attention_heads: 1, decoder_attention_heads: 1, max_position_embeddings: 1024, is_encoder_decoder: true, ...ids,
      },
      vision_config: { model_type: 'davit', projection_dim: H },
      'transformers.js_config': { dtype: 'fp32' },
    },
    'generation_config.json': { ...ids, forced_bos_token_id: SPECIAL['<s>'], forced_eos_token_id: SPECIAL['</s>'] },
    'preprocessor_config.json': florenceProcessorConfig(IMAGE),
    'tokenizer_config.json': { tokenizer_class: 'BartTokenizer', bos_token: '<s>', eos_token: '</s>', pad_token: '<pad>', unk_token: '<unk>', model_max_length: 1024, add_prefix_space: false },
    'special_tokens_map.json': { bos_token: '<s>', eos_token: '</s>', pad_token: '<pad>', unk_token: '<unk>' },
    'tokenizer.json': florenceTokenizer(byteLevelVocab()),
  };
}

/** Writes the fixture under `<outDir>/tiny-random/florence2-tasks/` and returns that folder. */
export function writeFlorenceFixture(outDir = FIXTURES_DIR) {
  return writeRepo(path.join(outDir, FLORENCE_FIXTURE_ID), florenceFiles(), { 'vision_encoder.onnx': visionEncoder(), 'embed_tokens.onnx': embedTokens(), 'encoder_model.onnx': encoderModel(), 'decoder_model_merged.onnx': decoder() });
}

runAsScript(import.meta.url, writeFlorenceFixture);
