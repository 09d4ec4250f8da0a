// @ts-check
/**
 * Writes `tiny-random/vit-gpt2-captioning`: a RANDOM-weight VisionEncoderDecoder (ViT-style encoder +
 * GPT-2-style decoder) in the file layout and ONNX contract Transformers.js 4.x loads for the
 * `image-to-text` pipeline. It tests plumbing only (processor → encoder → generate → tokenizer
 * decode); its captions mean nothing. Like the fixtures in ../shared/models/tiny-random (see its
 * README), but generated on demand instead of stored: no weight file is ever committed.
 *
 *   node scripts/make-caption-fixture.mjs [outDir]   (default e2e/fixtures/models, git-ignored)
 *
 * Contract (from transformers.js src/models/session_config.js, MODEL_TYPES.Vision2Seq):
 *   onnx/encoder_model.onnx         pixel_values f32[batch_size,3,32,32] → last_hidden_state f32[batch_size,16,32]
 *   onnx/decoder_model_merged.onnx  input_ids i64[batch_size,decoder_sequence_length],
 *                                   encoder_hidden_states f32[batch_size,encoder_sequence_length,32]
 *                                   → logits f32[batch_size,decoder_sequence_length,257]
 * The decoder keeps no KV cache (it declares no past_key_values inputs), so Transformers.js feeds it
 * the last token each step: logits = tanh(embed(token) + mean(encoder states)·Wc)·Wo + bias.
 * The bias favours a-z and space, so the random caption is readable letters that depend on the image.
 * The ONNX protobuf is written with the project's writer, scripts/onnx-proto.mjs.
 */
import path from 'node:path';
import { rng } from './llama-onnx/weights.mjs';
import { ELEM, attrInt, attrInts, node, tensor, valueInfo } from './onnx-proto.mjs';
import { FIXTURES_DIR, onnxWriter, randn, runAsScript, writeRepo } from './fixture-kit.mjs';

export const FIXTURE_ID = 'tiny-random/vit-gpt2-captioning';
const HIDDEN = 32;
const PATCH = 8;
const IMAGE = 32;
const VOCAB = 257; // 256 byte-level tokens + <|endoftext|>
const EOS = 256;

const { FLOAT, INT64 } = ELEM;
const model = onnxWriter('make-caption-fixture');

export function encoderModel() {
  const next = rng(1);
  const patches = (IMAGE / PATCH) ** 2;
  return model({
    name: 'tiny_vit_encoder',
    inputs: [valueInfo('pixel_values', FLOAT, ['batch_size', 3, IMAGE, IMAGE])],
    outputs: [valueInfo('last_hidden_state', FLOAT, ['batch_size', patches, HIDDEN])],
    initializers: [
      tensor('patch_weight', [HIDDEN, 3, PATCH, PATCH], randn(next, HIDDEN * 3 * PATCH * PATCH, 0.2)),
      tensor('patch_bias', [HIDDEN], randn(next, HIDDEN, 0.1)),
      tensor('flat_shape', [3], BigInt64Array.from([0n, BigInt(HIDDEN), -1n])),
    ],
    nodes: [
      node('Conv', ['pixel_values', 'patch_weight', 'patch_bias'], ['patches'], [attrInts('kernel_shape', [PATCH, PATCH]), attrInts('strides', [PATCH, PATCH])]),
      node('Reshape', ['patches', 'flat_shape'], ['flat']),
      node('Transpose', ['flat'], ['tokens'], [attrInts('perm', [0, 2, 1])]),
      node('Tanh', ['tokens'], ['last_hidden_state']),
    ],
  });
}

/** Printable letters and the space (byte-level ids = byte values) are favoured; EOS is never chosen. */
function outputBias() {
  const bias = new Float32Array(VOCAB).fill(-6);
  for (let b = 97; b <= 122; b++) bias[b] = 2;
  bias[32] = 2.5;
  bias[EOS] = -30;
  return bias;
}

export function decoderModel() {
  const next = rng(2);
  return model({
    name: 'tiny_gpt2_decoder',
    inputs: [
      valueInfo('input_ids', INT64, ['batch_size', 'decoder_sequence_length']),
      valueInfo('encoder_hidden_states', FLOAT, ['batch_size', 'encoder_sequence_length', HIDDEN]),
    ],
    outputs: [valueInfo('logits', FLOAT, ['batch_size', 'decoder_sequence_length', VOCAB])],
    initializers: [
      tensor('wte', [VOCAB, HIDDEN], randn(next, VOCAB * HIDDEN, 1)),
      tensor('context_weight', [HIDDEN, HIDDEN], randn(next, HIDDEN * HIDDEN, 1.5)),
      tensor('lm_head', [HIDDEN, VOCAB], randn(next, HIDDEN * VOCAB, 1.5)),
      tensor('lm_bias', [VOCAB], outputBias()),
    ],
    nodes: [
      node('Gather', ['wte', 'input_ids'], ['embedded'], [attrInt('axis', 0)]),
      node('ReduceMean', ['encoder_hidden_states'], ['context'], [attrInts('axes', [1]), attrInt('keepdims', 1)]),
      node('MatMul', ['context', 'context_weight'], ['context_projected']),
      node('Add', ['embedded', 'context_projected'], ['mixed']),
      node('Tanh', ['mixed'], ['hidden']),
      node('MatMul', ['hidden', 'lm_head'], ['scores']),
      node('Add', ['scores', 'lm_bias'], ['logits']),
    ],
  });
}

/** GPT-2's reversible byte → printable character map (bytes_to_unicode). */
export function byteLevelVocab() {
  const printable = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  /** @type {Record<string, number>} */
  const vocab = {};
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    const code = printable.includes(b) ? b : 256 + extra++;
    vocab[String.fromCodePoint(code)] = b;
  }
  vocab['<|endoftext|>'] = EOS;
  return vocab;
}

export function fixtureFiles() {
  const comment = 'RANDOM weights (fixed seeds): a plumbing test fixture, its captions mean nothing. Generated by scripts/make-caption-fixture.mjs.';
  const special = { single_word: false, lstrip: false, rstrip: false, normalized: true, special: true };
  const byteLevel = { add_prefix_space: false, trim_offsets: true, use_regex: true };
  return {
    'config.json': {
      _comment: comment,
      architectures: ['VisionEncoderDecoderModel'],
      model_type: 'vision-encoder-decoder',
      is_encoder_decoder: true,
      decoder_start_token_id: EOS,
      bos_token_id: EOS,
      eos_token_id: EOS,
      pad_token_id: EOS,
      encoder: { model_type: 'vit', hidden_size: HIDDEN, image_size: IMAGE, patch_size: PATCH, num_channels: 3, num_hidden_layers: 1, num_attention_heads: 2 },
      decoder: { model_type: 'gpt2', vocab_size: VOCAB, n_embd: HIDDEN, n_layer: 1, n_head: 2, n_positions: 64, bos_token_id: EOS, eos_token_id: EOS, add_cross_attention: true, is_decoder: true },
      'transformers.js_config': { dtype: 'fp32' },
    },
    'generation_config.json': { decoder_start_token_id: EOS, bos_token_id: EOS, eos_token_id: EOS, pad_token_id: EOS, max_length: 64 },
    'preprocessor_config.json': {
      image_processor_type: 'ViTImageProcessor',
      do_resize: true,
      size: { height: IMAGE, width: IMAGE },
      resample: 2,
      do_rescale: true,
      rescale_factor: 1 / 255,
      do_normalize: true,
      image_mean: [0.5, 0.5, 0.5],
      image_std: [0.5, 0.5, 0.5],
    },
    'tokenizer_config.json': { tokenizer_class: 'GPT2Tokenizer', bos_token: '<|endoftext|>', eos_token: '<|endoftext|>', unk_token: '<|endoftext|>', model_max_length: 64, add_prefix_space: false },
    'special_tokens_map.json': { bos_token: '<|endoftext|>', eos_token: '<|endoftext|>', unk_token: '<|endoftext|>' },
    'tokenizer.json': {
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: [{ id: EOS, content: '<|endoftext|>', ...special }],
      normalizer: null,
      pre_tokenizer: { type: 'ByteLevel', ...byteLevel },
      post_processor: { type: 'ByteLevel', ...byteLevel, trim_offsets: false },
      decoder: { type: 'ByteLevel', ...byteLevel },
      model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, byte_fallback: false, vocab: byteLevelVocab(), merges: [] },
    },
  };
}

/** Writes the fixture under `<outDir>/tiny-random/vit-gpt2-captioning/` and returns that folder. */
export function writeCaptionFixture(outDir = FIXTURES_DIR) {
  return writeRepo(path.join(outDir, FIXTURE_ID), fixtureFiles(), { 'encoder_model.onnx': encoderModel(), 'decoder_model_merged.onnx': decoderModel() });
}

runAsScript(import.meta.url, writeCaptionFixture);
