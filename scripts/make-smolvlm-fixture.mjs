// @ts-check
/**
 * Writes `tiny-random/smolvlm-chat`: a RANDOM-weight Idefics3 / SmolVLM vision-language model in the file
 * layout and ONNX contract Transformers.js 4.x loads for HuggingFaceTB/SmolVLM-256M-Instruct
 * (MODEL_TYPES.ImageTextToText in src/models/session_config.js). It tests wiring only: processor (image
 * splitting, <image> expansion, chat template) → vision encoder → embeddings merge → decoder with a real
 * key/value cache → streamed tokens. Its answers mean nothing.
 *
 *   node scripts/make-smolvlm-fixture.mjs [outDir]   (default e2e/fixtures/models, git-ignored)
 *
 * Contract (the real model's names and ranks, tiny sizes):
 *   onnx/vision_encoder.onnx  pixel_values f32[batch_size,num_images,3,32,32],
 *                             pixel_attention_mask bool[batch_size,num_images,32,32]
 *                             → image_features f32[batch_size*num_images,4,16]   (image_seq_len 4)
 *   onnx/embed_tokens.onnx    input_ids i64[batch_size,sequence_length] → inputs_embeds f32[batch_size,sequence_length,16]
 *   onnx/decoder_model_merged.onnx
 *                             inputs_embeds f32[batch_size,sequence_length,16], attention_mask i64[batch_size,total_sequence_length],
 *                             position_ids i64[batch_size,sequence_length],
 *                             past_key_values.0.key/value f32[batch_size,1,past_sequence_length,16]
 *                             → logits f32[batch_size,sequence_length,V], present.0.key/value f32[batch_size,1,total_sequence_length,16]
 * The decoder's key is its input embedding; each token's logits mix its embedding with the mean of every key so
 * far (the image included), so the text depends on the picture. The output bias favours a-z and space and never
 * picks an end token, so replies stream until max_new_tokens or Stop.
 */
import path from 'node:path';
import { rng } from './llama-onnx/weights.mjs';
import { byteLevelVocab } from './make-caption-fixture.mjs';
import { ELEM, attrInt, attrInts, node, tensor, valueInfo } from './onnx-proto.mjs';
import { FIXTURES_DIR, onnxWriter, randn, runAsScript, writeRepo } from './fixture-kit.mjs';

export const SMOLVLM_FIXTURE_ID = 'tiny-random/smolvlm-chat';
const HIDDEN = 16;
const PATCH = 16;
const TILE = 32; // max_image_size.longest_edge: the vision encoder's input size
const IMAGE_SEQ = (TILE / PATCH) ** 2; // image_seq_len: tokens per tile
const MAX_GRID = 6; // <row_R_col_C> tokens, as the real tokenizer has

// Byte-level ids 0-255, then the special tokens the processor and template use.
const SPECIALS = ['<|endoftext|>', '<|im_start|>', '<end_of_utterance>', '<fake_token_around_image>', '<image>', '<global-img>'];
for (let r = 1; r <= MAX_GRID; r++) for (let c = 1; c <= MAX_GRID; c++) SPECIALS.push(`<row_${r}_col_${c}>`);
const idOf = (/** @type {string} */ token) => 256 + SPECIALS.indexOf(token);
const VOCAB = 256 + SPECIALS.length;
const IMAGE_TOKEN = idOf('<image>');
const EOS = idOf('<end_of_utterance>');

// The SmolVLM / Idefics3 chat template (tokenizer_config.json of HuggingFaceTB/SmolVLM-256M-Instruct).
const CHAT_TEMPLATE =
  "<|im_start|>{% for message in messages %}{{message['role'] | capitalize}}{% if message['content'][0]['type'] == 'image' %}{{':'}}{% else %}{{': '}}{% endif %}{% for line in message['content'] %}{% if line['type'] == 'text' %}{{line['text']}}{% elif line['type'] == 'image' %}{{ '<image>' }}{% endif %}{% endfor %}<end_of_utterance>\n{% endfor %}{% if add_generation_prompt %}{{ 'Assistant:' }}{% endif %}";

const { FLOAT, INT64, BOOL } = ELEM;
const model = onnxWriter('make-smolvlm-fixture');
const shape = (/** @type {number[]} */ dims) => BigInt64Array.from(dims.map(BigInt));

export function visionEncoder() {
  const next = rng(11);
  return model({
    name: 'tiny_idefics3_vision',
    inputs: [
      valueInfo('pixel_values', FLOAT, ['batch_size', 'num_images', 3, TILE, TILE]),
      valueInfo('pixel_attention_mask', BOOL, ['batch_size', 'num_images', TILE, TILE]),
    ],
    outputs: [valueInfo('image_features', FLOAT, ['batch_size*num_images', IMAGE_SEQ, HIDDEN])],
    initializers: [
      tensor('tiles_shape', [4], shape([-1, 3, TILE, TILE])),
      tensor('patch_weight', [HIDDEN, 3, PATCH, PATCH], randn(next, HIDDEN * 3 * PATCH * PATCH, 0.2)),
      tensor('patch_bias', [HIDDEN], randn(next, HIDDEN, 0.1)),
      tensor('flat_shape', [3], shape([0, HIDDEN, -1])),
    ],
    nodes: [
      node('Reshape', ['pixel_values', 'tiles_shape'], ['tiles']),
      node('Conv', ['tiles', 'patch_weight', 'patch_bias'], ['patches'], [attrInts('kernel_shape', [PATCH, PATCH]), attrInts('strides', [PATCH, PATCH])]),
      node('Reshape', ['patches', 'flat_shape'], ['flat']),
      node('Transpose', ['flat'], ['tokens'], [attrInts('perm', [0, 2, 1])]),
      node('Tanh', ['tokens'], ['image_features']),
    ],
  });
}

export function embedTokens() {
  return model({
    name: 'tiny_idefics3_embed',
    inputs: [valueInfo('input_ids', INT64, ['batch_size', 'sequence_length'])],
    outputs: [valueInfo('inputs_embeds', FLOAT, ['batch_size', 'sequence_length', HIDDEN])],
    initializers: [tensor('embed_weight', [VOCAB, HIDDEN], randn(rng(12), VOCAB * HIDDEN, 1))],
    nodes: [node('Gather', ['embed_weight', 'input_ids'], ['inputs_embeds'], [attrInt('axis', 0)])],
  });
}

/** Printable letters and the space are favoured; the end tokens are never chosen. */
function outputBias() {
  const bias = new Float32Array(VOCAB).fill(-6);
  for (let b = 97; b <= 122; b++) bias[b] = 2;
  bias[32] = 2.5;
  for (let id = 256; id < VOCAB; id++) bias[id] = -30;
  return bias;
}

export function decoder() {
  const next = rng(13);
  const past = (/** @type {string} */ kind) => valueInfo(`past_key_values.0.${kind}`, FLOAT, ['batch_size', 1, 'past_sequence_length', HIDDEN]);
  const present = (/** @type {string} */ kind) => valueInfo(`present.0.${kind}`, FLOAT, ['batch_size', 1, 'total_sequence_length', HIDDEN]);
  return model({
    name: 'tiny_idefics3_decoder',
    inputs: [
      valueInfo('inputs_embeds', FLOAT, ['batch_size', 'sequence_length', HIDDEN]),
      valueInfo('attention_mask', INT64, ['batch_size', 'total_sequence_length']),
      valueInfo('position_ids', INT64, ['batch_size', 'sequence_length']),
      past('key'),
      past('value'),
    ],
    outputs: [valueInfo('logits', FLOAT, ['batch_size', 'sequence_length', VOCAB]), present('key'), present('value')],
    initializers: [
      tensor('context_weight', [HIDDEN, HIDDEN], randn(next, HIDDEN * HIDDEN, 1.5)),
      tensor('lm_head', [HIDDEN, VOCAB], randn(next, HIDDEN * VOCAB, 1.5)),
      tensor('lm_bias', [VOCAB], outputBias()),
      tensor('head_axis', [1], shape([1])),
    ],
    nodes: [
      node('Unsqueeze', ['inputs_embeds', 'head_axis'], ['new_kv']),
      node('Concat', ['past_key_values.0.key', 'new_kv'], ['present.0.key'], [attrInt('axis', 2)]),
      node('Concat', ['past_key_values.0.value', 'new_kv'], ['present.0.value'], [attrInt('axis', 2)]),
      node('ReduceMean', ['present.0.key'], ['context4'], [attrInts('axes', [2]), attrInt('keepdims', 1)]),
      node('Squeeze', ['context4', 'head_axis'], ['context']),
      node('MatMul', ['context', 'context_weight'], ['context_projected']),
      node('Add', ['inputs_embeds', 'context_projected'], ['mixed']),
      node('Tanh', ['mixed'], ['hidden']),
      node('MatMul', ['hidden', 'lm_head'], ['scores']),
      node('Add', ['scores', 'lm_bias'], ['logits']),
    ],
  });
}

function tokenizerJson() {
  const special = { single_word: false, lstrip: false, rstrip: false, normalized: false, special: true };
  const byteLevel = { add_prefix_space: false, trim_offsets: true, use_regex: true };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((content) => ({ id: idOf(content), content, ...special })),
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', ...byteLevel },
    post_processor: { type: 'ByteLevel', ...byteLevel, trim_offsets: false },
    decoder: { type: 'ByteLevel', ...byteLevel },
    model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, byte_fallback: false, vocab: byteLevelVocab(), merges: [] },
  };
}

export function smolvlmFiles() {
  const comment = 'RANDOM weights (fixed seeds): a wiring test fixture, its answers mean nothing. Generated by scripts/make-smolvlm-fixture.mjs.';
  const text = { model_type: 'llama', vocab_size: VOCAB, hidden_size: HIDDEN, num_hidden_layers: 1, num_attention_heads: 1, num_key_value_heads: 1, head_dim: HIDDEN, max_position_embeddings: 512 };
  return {
    'config.json': {
      _comment: comment,
      architectures: ['Idefics3ForConditionalGeneration'],
      model_type: 'idefics3',
      image_token_id: IMAGE_TOKEN,
      scale_factor: 1,
      text_config: text,
      vision_config: { model_type: 'idefics3_vision', hidden_size: HIDDEN, image_size: TILE, patch_size: PATCH, num_hidden_layers: 1, num_attention_heads: 1 },
      'transformers.js_config': { dtype: 'fp32' },
    },
    'generation_config.json': { bos_token_id: idOf('<|im_start|>'), eos_token_id: [EOS, idOf('<|endoftext|>')], pad_token_id: idOf('<|endoftext|>') },
    'preprocessor_config.json': {
      image_processor_type: 'Idefics3ImageProcessor',
      processor_class: 'Idefics3Processor',
      do_convert_rgb: true,
      do_image_splitting: true,
      do_normalize: true,
      do_pad: true,
      do_rescale: true,
      do_resize: true,
      image_mean: [0.5, 0.5, 0.5],
      image_std: [0.5, 0.5, 0.5],
      max_image_size: { longest_edge: TILE },
      resample: 1,
      rescale_factor: 1 / 255,
      size: { longest_edge: 2 * TILE },
    },
    'processor_config.json': { image_seq_len: IMAGE_SEQ, processor_class: 'Idefics3Processor' },
    'tokenizer_config.json': {
      tokenizer_class: 'GPT2Tokenizer',
      bos_token: '<|im_start|>',
      eos_token: '<end_of_utterance>',
      pad_token: '<|endoftext|>',
      unk_token: '<|endoftext|>',
      model_max_length: 512,
      add_prefix_space: false,
      chat_template: CHAT_TEMPLATE,
    },
    'special_tokens_map.json': { bos_token: '<|im_start|>', eos_token: '<end_of_utterance>', pad_token: '<|endoftext|>', unk_token: '<|endoftext|>' },
    'tokenizer.json': tokenizerJson(),
  };
}

/** Writes the fixture under `<outDir>/tiny-random/smolvlm-chat/` and returns that folder. */
export function writeSmolvlmFixture(outDir = FIXTURES_DIR) {
  return writeRepo(path.join(outDir, SMOLVLM_FIXTURE_ID), smolvlmFiles(), { 'vision_encoder.onnx': visionEncoder(), 'embed_tokens.onnx': embedTokens(), 'decoder_model_merged.onnx': decoder() });
}

runAsScript(import.meta.url, writeSmolvlmFixture);
