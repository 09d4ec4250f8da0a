// @ts-check
/**
 * SentencePiece `tokenizer.model` files (a protobuf ModelProto, field numbers from sentencepiece_model.proto):
 * read one, write one (the project's tiny test tokenizers), and turn one into the tokenizer.json that
 * Transformers.js loads, the way Hugging Face's convert_slow_tokenizer does it: a BPE model becomes a BPE
 * with byte fallback and merges ranked by the merged piece's score (Llama-style normalizer and decoder);
 * a Unigram model becomes a Unigram with a Metaspace pre-tokenizer.
 */
import { bytes, cat, float32, int, str, toBytes } from '../onnx-proto.mjs';
import { fields } from './onnx-read.mjs';

export class SentencePieceError extends Error {
  name = 'SentencePieceError';
}

/** SentencePiece.Type */
export const PIECE = /** @type {const} */ ({ NORMAL: 1, UNKNOWN: 2, CONTROL: 3, USER_DEFINED: 4, UNUSED: 5, BYTE: 6 });
const MODEL_TYPES = /** @type {const} */ ({ 1: 'UNIGRAM', 2: 'BPE', 3: 'WORD', 4: 'CHAR' });

/**
 * @typedef {{ piece: string, score: number, type: number }} Piece
 * @typedef {{ pieces: Piece[], modelType: 'UNIGRAM' | 'BPE' | 'WORD' | 'CHAR', byteFallback: boolean,
 *   unkId: number, bosId: number, eosId: number, addDummyPrefix: boolean, removeExtraWhitespaces?: boolean,
 *   precompiledCharsmap?: Uint8Array }} SentencePieceModel
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });
const asFloat = (/** @type {bigint} */ bits) => new Float32Array(new Uint32Array([Number(bits)]).buffer)[0];
const asInt = (/** @type {bigint} */ v) => Number(BigInt.asIntN(32, v));

/** @param {Uint8Array} buf */
function readPiece(buf) {
  /** @type {Piece} */
  const piece = { piece: '', score: 0, type: PIECE.NORMAL };
  let named = false;
  for (const [field, value] of fields(buf)) {
    if (field === 1 && value instanceof Uint8Array) [piece.piece, named] = [utf8.decode(value), true];
    else if (field === 2 && typeof value === 'bigint') piece.score = asFloat(value);
    else if (field === 3 && typeof value === 'bigint') piece.type = Number(value);
  }
  if (!named || !(piece.type >= 1 && piece.type <= 6)) throw new Error('a vocabulary entry has no piece or an unknown type');
  return piece;
}

/**
 * @param {Uint8Array} bytes the file's contents @param {string} [file] its name, for the error
 * @returns {SentencePieceModel}
 */
export function readSentencePiece(bytes, file = 'tokenizer.model') {
  /** @type {SentencePieceModel} */
  const model = { pieces: [], modelType: 'UNIGRAM', byteFallback: false, unkId: 0, bosId: 1, eosId: 2, addDummyPrefix: true, removeExtraWhitespaces: true };
  try {
    for (const [field, value] of fields(bytes)) {
      if (!(value instanceof Uint8Array)) continue;
      if (field === 1) model.pieces.push(readPiece(value));
      else if (field === 2) readTrainerSpec(value, model);
      else if (field === 3) readNormalizerSpec(value, model);
    }
  } catch (error) {
    throw new SentencePieceError(`${file} is not a SentencePiece model (${/** @type {Error} */ (error).message})`);
  }
  if (!model.pieces.length) throw new SentencePieceError(`${file} is not a SentencePiece model (it has no vocabulary)`);
  return model;
}

/** @param {Uint8Array} buf @param {SentencePieceModel} model */
function readTrainerSpec(buf, model) {
  for (const [field, value] of fields(buf)) {
    if (typeof value !== 'bigint') continue;
    if (field === 3) model.modelType = MODEL_TYPES[/** @type {1 | 2 | 3 | 4} */ (Number(value))] ?? model.modelType;
    else if (field === 35) model.byteFallback = value !== 0n;
    else if (field === 40) model.unkId = asInt(value);
    else if (field === 41) model.bosId = asInt(value);
    else if (field === 42) model.eosId = asInt(value);
  }
}

/** @param {Uint8Array} buf @param {SentencePieceModel} model */
function readNormalizerSpec(buf, model) {
  for (const [field, value] of fields(buf)) {
    if (field === 2 && value instanceof Uint8Array && value.length) model.precompiledCharsmap = value;
    else if (field === 3 && typeof value === 'bigint') model.addDummyPrefix = value !== 0n;
    else if (field === 4 && typeof value === 'bigint') model.removeExtraWhitespaces = value !== 0n;
  }
}

/**
 * A ModelProto for the given model (identity normalizer: no charsmap, whitespace kept as written).
 * @param {Omit<SentencePieceModel, 'precompiledCharsmap'>} m @returns {Uint8Array}
 */
export function writeSentencePiece(m) {
  const pieces = m.pieces.map((p) => bytes(1, cat(str(1, p.piece), float32(2, p.score), int(3, p.type))));
  const type = Number(Object.entries(MODEL_TYPES).find(([, name]) => name === m.modelType)?.[0] ?? 1);
  const trainer = cat(int(3, type), int(4, m.pieces.length), int(35, m.byteFallback ? 1 : 0), int(40, m.unkId), int(41, m.bosId), int(42, m.eosId));
  // Whitespace kept as written unless asked (Llama-style models ship remove_extra_whitespaces off).
  const normalizer = cat(str(1, 'identity'), int(3, m.addDummyPrefix ? 1 : 0), int(4, m.removeExtraWhitespaces ? 1 : 0), int(5, 1));
  return toBytes(cat(...pieces, bytes(2, trainer), bytes(3, normalizer)));
}

/**
 * BPE merges as HF's SentencePieceExtractor derives them: every split of a piece into two pieces of the
 * vocabulary is a merge; merges rank by the merged piece's score (highest first), ties by the ids of the halves.
 * @param {Piece[]} pieces
 * @returns {[string, string][]}
 */
export function bpeMerges(pieces) {
  /** @type {Map<string, number>} */
  const ids = new Map(pieces.map((p, i) => [p.piece, i]));
  /** @type {{ left: string, right: string, score: number, order: number }[]} */
  const merges = [];
  pieces.forEach((p) => {
    const chars = [...p.piece];
    /** @type {{ left: string, right: string }[]} */
    const local = [];
    for (let i = 1; i < chars.length; i++) {
      const left = chars.slice(0, i).join('');
      const right = chars.slice(i).join('');
      if (ids.has(left) && ids.has(right)) local.push({ left, right });
    }
    local.sort((a, b) => Number(ids.get(a.left)) - Number(ids.get(b.left)) || Number(ids.get(a.right)) - Number(ids.get(b.right)));
    for (const m of local) merges.push({ ...m, score: p.score, order: merges.length });
  });
  merges.sort((a, b) => b.score - a.score || a.order - b.order);
  return merges.map((m) => [m.left, m.right]);
}

/**
 * @typedef {{ content: string, special: boolean }} AddedTokenConfig
 * @typedef {{ addBosToken?: boolean, addEosToken?: boolean, addedTokens?: Record<string, AddedTokenConfig> }} ConvertOptions
 *   the tokenizer_config.json switches: add_bos_token (default true), add_eos_token, added_tokens_decoder
 */

/**
 * tokenizer.json for a SentencePiece model.
 * @param {SentencePieceModel} m @param {ConvertOptions} [options]
 */
export function toTokenizerJson(m, { addBosToken = true, addEosToken = false, addedTokens = {} } = {}) {
  if (m.modelType !== 'BPE' && m.modelType !== 'UNIGRAM') throw new SentencePieceError(`SentencePiece ${m.modelType} models are not supported (BPE and Unigram are)`);
  const unk = m.pieces[m.unkId]?.piece ?? '<unk>';
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: addedTokenList(m, addedTokens),
    normalizer: m.modelType === 'BPE' ? llamaNormalizer(m) : unigramNormalizer(m),
    pre_tokenizer: m.modelType === 'BPE' ? null : { type: 'Metaspace', replacement: '▁', prepend_scheme: m.addDummyPrefix ? 'always' : 'never', split: true },
    post_processor: postProcessor(m, addBosToken, addEosToken),
    decoder: decoder(m),
    model: m.modelType === 'BPE'
      ? { type: 'BPE', dropout: null, unk_token: unk, continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: true, byte_fallback: m.byteFallback, ignore_merges: false,
        vocab: Object.fromEntries(m.pieces.map((p, i) => [p.piece, i])), merges: bpeMerges(m.pieces.filter((p) => p.type === PIECE.NORMAL || p.type === PIECE.USER_DEFINED)) }
      : { type: 'Unigram', unk_id: m.unkId, byte_fallback: m.byteFallback, vocab: m.pieces.map((p) => [p.piece, p.score]) },
  };
}

/**
 * Control and user-defined pieces are matched whole before the model runs (control ones are special), as
 * are the tokenizer_config's added tokens (e.g. a chat template's markers).
 * @param {SentencePieceModel} m @param {Record<string, AddedTokenConfig>} configured
 */
function addedTokenList(m, configured) {
  /** @type {Map<number, { content: string, special: boolean }>} */
  const tokens = new Map();
  m.pieces.forEach((p, id) => {
    if (p.type === PIECE.CONTROL || p.type === PIECE.USER_DEFINED || p.type === PIECE.UNKNOWN) tokens.set(id, { content: p.piece, special: p.type !== PIECE.USER_DEFINED });
  });
  for (const [id, t] of Object.entries(configured)) tokens.set(Number(id), { content: t.content, special: Boolean(t.special) });
  return [...tokens].sort(([a], [b]) => a - b).map(([id, t]) => ({ id, content: t.content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: t.special }));
}

/**
 * Llama's (legacy) normalizer: a leading ▁ for the dummy prefix, every space as ▁; before it, what the
 * model's own normalizer spec asks for (a charsmap such as nmt_nfkc, collapsing runs of spaces), which
 * HF's LlamaConverter skips because Llama's spec asks for neither.
 * @param {SentencePieceModel} m
 */
function llamaNormalizer(m) {
  const replace = { type: 'Replace', pattern: { String: ' ' }, content: '▁' };
  return { type: 'Sequence', normalizers: [...specNormalizers(m), ...(m.addDummyPrefix ? [{ type: 'Prepend', prepend: '▁' }] : []), replace] };
}

/** @param {SentencePieceModel} m */
function specNormalizers(m) {
  /** @type {object[]} */
  const steps = [];
  if (m.precompiledCharsmap) steps.push({ type: 'Precompiled', precompiled_charsmap: Buffer.from(m.precompiledCharsmap).toString('base64') });
  if (m.removeExtraWhitespaces) steps.push({ type: 'Strip', strip_left: true, strip_right: true }, { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' });
  return steps;
}

/** The model's charsmap, then (when its spec says so) trailing spaces dropped and runs of spaces made one. @param {SentencePieceModel} m */
function unigramNormalizer(m) {
  const rest = m.removeExtraWhitespaces ? [{ type: 'Strip', strip_left: false, strip_right: true }, { type: 'Replace', pattern: { Regex: ' {2,}' }, content: '▁' }] : [];
  if (!m.precompiledCharsmap) return { type: 'Sequence', normalizers: rest };
  return { type: 'Sequence', normalizers: [{ type: 'Precompiled', precompiled_charsmap: Buffer.from(m.precompiledCharsmap).toString('base64') }, ...rest] };
}

/** ▁ back to spaces, byte pieces back to bytes, the dummy prefix's space dropped. @param {SentencePieceModel} m */
function decoder(m) {
  const steps = [{ type: 'Replace', pattern: { String: '▁' }, content: ' ' }];
  if (m.byteFallback) steps.push(/** @type {any} */ ({ type: 'ByteFallback' }));
  steps.push(/** @type {any} */ ({ type: 'Fuse' }));
  if (m.addDummyPrefix) steps.push(/** @type {any} */ ({ type: 'Strip', content: ' ', start: 1, stop: 0 }));
  return { type: 'Sequence', decoders: steps };
}

/** BOS (and EOS) around each sequence, as the slow tokenizer's build_inputs_with_special_tokens does. */
function postProcessor(/** @type {SentencePieceModel} */ m, /** @type {boolean} */ bos, /** @type {boolean} */ eos) {
  const bosPiece = m.pieces[m.bosId]?.piece;
  const eosPiece = m.pieces[m.eosId]?.piece;
  const special = (/** @type {string} */ id) => ({ SpecialToken: { id, type_id: 0 } });
  const withSpecials = (/** @type {object[]} */ body) => [...(bos && bosPiece ? [special(bosPiece)] : []), ...body, ...(eos && eosPiece ? [special(eosPiece)] : [])];
  /** @type {Record<string, { id: string, ids: number[], tokens: string[] }>} */
  const specials = {};
  if (bos && bosPiece) specials[bosPiece] = { id: bosPiece, ids: [m.bosId], tokens: [bosPiece] };
  if (eos && eosPiece) specials[eosPiece] = { id: eosPiece, ids: [m.eosId], tokens: [eosPiece] };
  return {
    type: 'TemplateProcessing',
    single: withSpecials([{ Sequence: { id: 'A', type_id: 0 } }]),
    pair: withSpecials([{ Sequence: { id: 'A', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }]),
    special_tokens: specials,
  };
}
