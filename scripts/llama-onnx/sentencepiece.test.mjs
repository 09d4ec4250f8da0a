// @ts-check
// tokenizer.model → tokenizer.json: hand-built SentencePiece models (BPE with byte fallback, Unigram) whose
// expected ids come from the sentencepiece library itself (0.2.2, run once on these exact files when this
// test was written), encoded and decoded by Transformers.js from the tokenizer.json we write.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { bpeMerges, PIECE, readSentencePiece, SentencePieceError, toTokenizerJson, writeSentencePiece } from './sentencepiece.mjs';

const root = mkdtempSync(path.join(tmpdir(), 'spm-'));
after(() => rmSync(root, { recursive: true, force: true }));

const SPECIALS = [{ piece: '<unk>', score: 0, type: PIECE.UNKNOWN }, { piece: '<s>', score: 0, type: PIECE.CONTROL }, { piece: '</s>', score: 0, type: PIECE.CONTROL }];
const BYTES = Array.from({ length: 256 }, (_, i) => ({ piece: `<0x${i.toString(16).toUpperCase().padStart(2, '0')}>`, score: 0, type: PIECE.BYTE }));
const BPE_WORDS = ['▁', 'e', 'h', 'l', 'o', 't', 'w', 'r', 'd', '你', '好', '世', '界', '▁t', 'he', 'll', '▁the', '▁he', '▁hell', 'hell', '▁hello', '你好', '世界', '▁w', 'or', '▁wor', '▁world', 'ld', '▁你好'];
const BPE = writeSentencePiece({
  pieces: [...SPECIALS, ...BYTES, { piece: '[unused9]', score: 0, type: PIECE.USER_DEFINED }, ...BPE_WORDS.map((piece, i) => ({ piece, score: -i, type: PIECE.NORMAL }))],
  modelType: 'BPE', byteFallback: true, unkId: 0, bosId: 1, eosId: 2, addDummyPrefix: true,
});
const UNIGRAM_WORDS = ['▁', 'e', 'h', 'l', 'o', 't', 'w', 'r', 'd', '你', '好', '▁the', '▁hello', 'hel', 'lo', '▁wor', 'ld', '你好', '▁你'];
const UNIGRAM = writeSentencePiece({
  pieces: [...SPECIALS, ...UNIGRAM_WORDS.map((piece, i) => ({ piece, score: -1 - i * 0.5, type: PIECE.NORMAL }))],
  modelType: 'UNIGRAM', byteFallback: false, unkId: 0, bosId: 1, eosId: 2, addDummyPrefix: true,
});

/** Writes a folder Transformers.js loads and returns its tokenizer. @param {string} name @param {object} json @param {object} [config] */
async function load(name, json, config = {}) {
  mkdirSync(path.join(root, name), { recursive: true });
  writeFileSync(path.join(root, name, 'tokenizer.json'), JSON.stringify(json));
  writeFileSync(path.join(root, name, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'PreTrainedTokenizerFast', ...config }));
  env.allowRemoteModels = false;
  env.localModelPath = `${root}/`;
  return AutoTokenizer.from_pretrained(name);
}

describe('SentencePiece tokenizer.model → tokenizer.json', () => {
  it('BPE with byte fallback: the ids SentencePiece gives, and the text back', async () => {
    const tokenizer = await load('bpe', toTokenizerJson(readSentencePiece(BPE), { addBosToken: false }));
    /** @type {[string, number[]][]} sentencepiece's own ids for each text */
    const cases = [
      ['hello world', [280, 286]],
      ['the  hello', [276, 260, 280]],
      ['你好世界', [288, 282]],
      ['你好 world', [288, 286]],
      ['Zé 😀!', [260, 93, 198, 172, 260, 243, 162, 155, 131, 36]], // Z, é, 😀 and ! only as bytes
      ['held lot', [277, 287, 260, 263, 264, 265]],
    ];
    for (const [text, ids] of cases) {
      assert.deepEqual(tokenizer.encode(text), ids, text);
      assert.equal(tokenizer.decode(ids), text);
    }
    // A user-defined piece is matched whole. After it, like HF's (legacy) Llama conversion and the slow
    // Python tokenizers that split on added tokens first, the next segment gets its own dummy prefix (▁the).
    assert.deepEqual(tokenizer.encode('hello[unused9]the'), [280, 259, 276]);
  });

  it('Unigram: the ids SentencePiece gives (Viterbi over the scores)', async () => {
    const tokenizer = await load('unigram', toTokenizerJson(readSentencePiece(UNIGRAM), { addBosToken: false }));
    /** @type {[string, number[]][]} */
    const cases = [['hello world', [15, 18, 6, 11]], ['the  hello', [14, 3, 15]], ['你好 world', [3, 20, 18, 6, 11]], ['held lot', [3, 5, 4, 6, 11, 3, 6, 7, 8]], ['你好世界', [3, 20, 0]]];
    for (const [text, ids] of cases) assert.deepEqual(tokenizer.encode(text), ids, text);
    assert.equal(tokenizer.decode([15, 18, 6, 11]), 'hello world');
  });

  it('adds BOS as the tokenizer_config asks, and its added tokens (a chat template’s markers) whole', async () => {
    const json = toTokenizerJson(readSentencePiece(BPE), { addBosToken: true, addedTokens: { 286: { content: '▁world', special: true } } });
    const tokenizer = await load('bos', json);
    assert.deepEqual(tokenizer.encode('hello'), [1, 280]);
    assert.deepEqual(tokenizer.encode('hello▁world', { add_special_tokens: false }), [280, 286]);
    assert.equal(tokenizer.decode([1, 280, 286], { skip_special_tokens: true }), 'hello');
  });

  it('follows the model’s spec when it collapses extra whitespace (SentencePiece’s ids for both texts)', async () => {
    const words = ['▁', 'e', 'h', 'l', 'o', 't', 'w', 'r', 'd', '▁he', 'll', '▁hello', '▁world', 'or', 'ld', '▁w', '▁wor'];
    const model = writeSentencePiece({
      pieces: [...SPECIALS, ...BYTES, ...words.map((piece, i) => ({ piece, score: -i, type: PIECE.NORMAL }))],
      modelType: 'BPE', byteFallback: true, unkId: 0, bosId: 1, eosId: 2, addDummyPrefix: true, removeExtraWhitespaces: true,
    });
    const tokenizer = await load('whitespace', toTokenizerJson(readSentencePiece(model), { addBosToken: false }));
    // ▁he and ▁hello cannot be reached: no ▁h or he piece to merge from, in SentencePiece's BPE as here.
    for (const text of ['  hello   world  ', 'hello world']) assert.deepEqual(tokenizer.encode(text), [259, 261, 260, 269, 263, 271], text);
  });

  it('ranks BPE merges by the merged piece’s score, as HF does', () => {
    const merges = bpeMerges(['a', 'b', 'c', 'ab', 'abc', 'bc'].map((piece, i) => ({ piece, score: [0, 0, 0, -1, -3, -2][i], type: PIECE.NORMAL })));
    assert.deepEqual(merges, [['a', 'b'], ['b', 'c'], ['a', 'bc'], ['ab', 'c']]);
  });

  it('names a file that is not SentencePiece', () => {
    const json = new TextEncoder().encode('{"version": "1.0", "model": {}}');
    for (const bytes of [json, Uint8Array.of(0xff, 0xff, 0xff), new Uint8Array(0)]) {
      assert.throws(() => readSentencePiece(bytes, '/x/tokenizer.model'), (error) => error instanceof SentencePieceError && /\/x\/tokenizer\.model is not a SentencePiece model/.test(error.message));
    }
  });
});
