// @ts-check
/**
 * Synthetic tokenizers for the random-weight bench models: any vocabulary size, loadable by
 * Transformers.js. Their tokens are real text (bytes, then made-up words), so decoded output is readable
 * nonsense and the tokenizer costs what a real one of its kind costs.
 */
import { byteLevelVocab } from '../make-caption-fixture.mjs';

const SPECIAL = { single_word: false, lstrip: false, rstrip: false, normalized: false, special: true };

/** The n-th made-up lowercase word: a, b, …, z, aa, ab, … @param {number} n */
function word(n) {
  let s = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(97 + ((i - 1) % 26)) + s;
  return s;
}

/**
 * A GPT-2-style byte-level BPE tokenizer with `size` ids: 256 bytes, `<|endoftext|>` (256), then
 * space-prefixed words (`Ġab`), which are never produced by encoding (no merges) but decode as " ab".
 * @param {number} size
 */
export function byteLevelTokenizer(size) {
  /** @type {Record<string, number>} */
  const vocab = byteLevelVocab();
  for (let id = 257; id < size; id++) vocab[`Ġ${word(id - 257)}`] = id;
  const byteLevel = { add_prefix_space: false, trim_offsets: true, use_regex: true };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [{ id: 256, content: '<|endoftext|>', ...SPECIAL }],
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', ...byteLevel },
    post_processor: { type: 'ByteLevel', ...byteLevel, trim_offsets: false },
    decoder: { type: 'ByteLevel', ...byteLevel },
    model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, byte_fallback: false, vocab, merges: [] },
  };
}

export const BYTE_LEVEL_EOS = 256;

/**
 * A BERT-style WordPiece tokenizer with `size` ids: [PAD] 0, [UNK] 1, [CLS] 2, [SEP] 3, [MASK] 4, then
 * printable ASCII, `##` + each, then made-up words.
 * @param {number} size
 */
export function wordPieceTokenizer(size) {
  const specials = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
  /** @type {Record<string, number>} */
  const vocab = {};
  let count = 0;
  const add = (/** @type {string} */ token) => {
    if (!(token in vocab)) vocab[token] = count++;
  };
  specials.forEach(add);
  const chars = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i));
  chars.forEach(add);
  chars.forEach((ch) => add(`##${ch}`));
  for (let n = 0; count < size; n++) add(word(n));
  const special = (/** @type {string} */ content) => ({ id: vocab[content], content, ...SPECIAL });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [vocab[t]], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
}

export const BERT_TOKENIZER_CONFIG = {
  tokenizer_class: 'BertTokenizer',
  do_lower_case: true,
  cls_token: '[CLS]',
  sep_token: '[SEP]',
  pad_token: '[PAD]',
  unk_token: '[UNK]',
  mask_token: '[MASK]',
  model_max_length: 512,
};
