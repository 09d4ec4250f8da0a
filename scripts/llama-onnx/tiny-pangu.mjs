// @ts-check
/**
 * A tiny random-weight checkpoint in openPangu-Embedded's exact released format, made here (no weights are
 * committed): config.json with its keys (`bias: true`, model_type PanguEmbedded, tiny sizes),
 * model.safetensors in bf16 with its tensor names, a SentencePiece BPE tokenizer.model with byte fallback,
 * tokenizer_config.json with its special tokens and its real chat template, special_tokens_map.json and
 * generation_config.json. Then the exporter turns it into the folder the app loads.
 *
 *   node scripts/llama-onnx/tiny-pangu.mjs --checkpoint <dir> [--out <export dir>]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { readCheckpointDir } from './checkpoint.mjs';
import { exportLlama, writeJson } from './export.mjs';
import { PIECE, writeSentencePiece } from './sentencepiece.mjs';
import { randomWeights, weightShapes } from './weights.mjs';

export const TINY_PANGU_ID = 'tiny-random/openpangu-embedded';

/**
 * openPangu-Embedded's chat template as released (FreedomIntelligence/openPangu-Embedded-7B-V1.1's
 * tokenizer_config.json): [unused9]role：text[unused10] per turn, an empty system turn when none is given.
 * Its fast/slow thinking switch is not in the template: a user turn ending in " /no_think" asks for fast
 * thinking; the reply's thinking sits between [unused16] and [unused17].
 */
export const PANGU_CHAT_TEMPLATE = "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '[unused9]系统：[unused10]' }}{% endif %}{% if message['role'] == 'system' %}{{ '[unused9]系统：' + message['content'] + '[unused10]' }}{% endif %}{% if message['role'] == 'assistant' %}{{'[unused9]助手：' + message['content'] + '[unused10]'}}{% endif %}{% if message['role'] == 'tool' %}{{'[unused9]工具：' + message['content'] + '[unused10]'}}{% endif %}{% if message['role'] == 'function' %}{{'[unused9]方法：' + message['content'] + '[unused10]'}}{% endif %}{% if message['role'] == 'user' %}{{'[unused9]用户：' + message['content'] + '[unused10]'}}{% endif %}{% endfor %}{% if add_generation_prompt %}{{ '[unused9]助手：' }}{% endif %}";

const MARKERS = ['[unused9]', '[unused10]', '[unused16]', '[unused17]'];
const WORDS = ['▁', '系', '统', '助', '手', '用', '户', '工', '具', '方', '法', '：', '你', '好', '的', '是', '我', '们', '天', '气',
  '系统', '助手', '用户', '你好', '我们', '天气', '▁你好', '/', '_', 'n', 'o', 't', 'h', 'i', 'k', 'no', 'th', 'ink', '▁/', '▁/no', '_th', '_think',
  'e', 'a', 's', 'r', 'l', 'd', 'w', 'he', 'll', 'or', '▁the', '▁hello', '▁world', '▁is', '▁a', '▁story', '▁once', '▁upon', '▁time'];

/** The tokenizer's pieces: <unk> <s> </s>, the 256 byte pieces, the chat markers, then words by falling score. */
export function tinyPanguPieces() {
  return [
    { piece: '<unk>', score: 0, type: PIECE.UNKNOWN },
    { piece: '<s>', score: 0, type: PIECE.CONTROL },
    { piece: '</s>', score: 0, type: PIECE.CONTROL },
    ...Array.from({ length: 256 }, (_, i) => ({ piece: `<0x${i.toString(16).toUpperCase().padStart(2, '0')}>`, score: 0, type: PIECE.BYTE })),
    ...MARKERS.map((piece) => ({ piece, score: 0, type: PIECE.USER_DEFINED })),
    ...WORDS.map((piece, i) => ({ piece, score: -i, type: PIECE.NORMAL })),
  ];
}

/** @param {number} vocabSize */
export function tinyPanguConfig(vocabSize) {
  return {
    architectures: ['PanguEmbeddedForCausalLM'],
    auto_map: {
      AutoConfig: 'configuration_openpangu_dense.PanguEmbeddedConfig',
      AutoModel: 'modeling_openpangu_dense.PanguEmbeddedModel',
      AutoModelForCausalLM: 'modeling_openpangu_dense.PanguEmbeddedForCausalLM',
    },
    bias: true,
    attention_dropout: 0.0,
    bos_token_id: 1,
    pad_token_id: 0,
    eos_token_id: 3 + 256 + 1, // [unused10], as the released config's 45892 is
    hidden_act: 'silu',
    hidden_size: 64,
    initializer_range: 0.02,
    intermediate_size: 128,
    max_position_embeddings: 2048,
    model_type: 'PanguEmbedded',
    num_attention_heads: 4,
    num_hidden_layers: 2,
    num_key_value_heads: 2,
    rms_norm_eps: 1e-5,
    rope_theta: 16000000.0,
    tie_word_embeddings: false,
    torch_dtype: 'bfloat16',
    transformers_version: '4.53.2',
    use_cache: true,
    vocab_size: vocabSize,
  };
}

/** tokenizer_config.json with the released keys, ids moved to the tiny vocabulary. @param {ReturnType<typeof tinyPanguPieces>} pieces */
export function tinyPanguTokenizerConfig(pieces) {
  const special = (/** @type {string} */ content) => ({ content, lstrip: false, normalized: false, rstrip: false, single_word: false, special: true });
  const ids = ['<unk>', '<s>', '</s>', ...MARKERS].map((t) => [String(pieces.findIndex((p) => p.piece === t)), special(t)]);
  return {
    add_bos_token: true,
    add_eos_token: false,
    add_prefix_space: true,
    added_tokens_decoder: Object.fromEntries(ids),
    auto_map: { AutoTokenizer: ['tokenization_openpangu.PanguTokenizer', null] },
    bos_token: '<s>',
    clean_up_tokenization_spaces: false,
    eos_token: '[unused10]',
    legacy: true,
    model_max_length: 1000000000000000019884624838656,
    pad_token: '<unk>',
    sp_model_kwargs: {},
    spaces_between_special_tokens: false,
    tokenizer_class: 'PanguTokenizer',
    unk_token: '<unk>',
    use_default_system_prompt: false,
    chat_template: PANGU_CHAT_TEMPLATE,
  };
}

/** float32 → bf16 bits, round to nearest even (what torch's .to(bfloat16) does). @param {Float32Array} values */
export function toBf16(values) {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  return Uint16Array.from(bits, (b) => (b + 0x7fff + ((b >>> 16) & 1)) >>> 16);
}

/**
 * A safetensors file from named tensors (shapes as given), every tensor bf16.
 * @param {[string, number[], Float32Array][]} tensors
 */
export function bf16Safetensors(tensors) {
  /** @type {Record<string, unknown>} */
  const header = { __metadata__: { format: 'pt' } };
  let offset = 0;
  const blobs = tensors.map(([name, shape, data]) => {
    const blob = toBf16(data);
    header[name] = { dtype: 'BF16', shape, data_offsets: [offset, offset + blob.byteLength] };
    offset += blob.byteLength;
    return Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  });
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([length, json, ...blobs]);
}

/** Writes the checkpoint folder. @param {string} dir @param {number} [seed] */
export function writeTinyPanguCheckpoint(dir, seed = 15) {
  mkdirSync(dir, { recursive: true });
  const pieces = tinyPanguPieces();
  const config = tinyPanguConfig(pieces.length);
  const weights = randomWeights(config, seed);
  writeJson(path.join(dir, 'config.json'), config);
  writeJson(path.join(dir, 'generation_config.json'), { bos_token_id: 1, eos_token_id: config.eos_token_id, do_sample: false, pad_token_id: 0 });
  writeFileSync(path.join(dir, 'model.safetensors'), bf16Safetensors(weightShapes(config).map(([name, shape]) => [name, shape, /** @type {Float32Array} */ (weights.get(name))])));
  writeFileSync(path.join(dir, 'tokenizer.model'), writeSentencePiece({ pieces, modelType: 'BPE', byteFallback: true, unkId: 0, bosId: 1, eosId: 2, addDummyPrefix: true }));
  writeJson(path.join(dir, 'tokenizer_config.json'), tinyPanguTokenizerConfig(pieces));
  const mapped = (/** @type {string} */ content) => ({ content, lstrip: false, normalized: false, rstrip: false, single_word: false });
  writeJson(path.join(dir, 'special_tokens_map.json'), { bos_token: mapped('<s>'), eos_token: mapped('[unused10]'), pad_token: mapped('<unk>'), unk_token: mapped('<unk>') });
  return dir;
}

/**
 * The checkpoint through the exporter, as a user converts the released one: `export.mjs --model-dir`.
 * @param {string} checkpoint @param {string} outDir @param {import('./graph-builder.mjs').Precision[]} [precisions]
 */
export function exportTinyPangu(checkpoint, outDir, precisions = ['fp32', 'q4']) {
  return exportLlama({ ...readCheckpointDir(checkpoint), outDir, precisions });
}

function cli() {
  const { values } = parseArgs({ options: { checkpoint: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '15' } } });
  if (!values.checkpoint) {
    console.error('usage: tiny-pangu.mjs --checkpoint <dir> [--out <export dir>] [--seed N]');
    process.exit(2);
  }
  console.log(writeTinyPanguCheckpoint(values.checkpoint, Number(values.seed)));
  if (values.out) console.log(exportTinyPangu(values.checkpoint, values.out));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) cli();
