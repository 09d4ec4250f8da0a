// @ts-check
/**
 * The non-weight files of the Florence-2 fixture (make-florence-fixture.mjs) in the real model's formats: its
 * processor config with the task prompt tables (as in microsoft/Florence-2-base-ft's preprocessor_config.json,
 * minus the polygon tasks Transformers.js 4.3.1 cannot parse) and a BART-style byte-level tokenizer with <loc_N>.
 */

/** <s> <pad> </s> <unk>, as in BART's vocabulary. */
export const SPECIAL = { '<s>': 0, '<pad>': 1, '</s>': 2, '<unk>': 3 };
export const BYTE_OFFSET = 4;
export const LOC_OFFSET = BYTE_OFFSET + 256;
export const LOCS = 1000;

/** @param {number} image the side the processor resizes to */
export function florenceProcessorConfig(image) {
  return {
    image_processor_type: 'CLIPImageProcessor',
    processor_class: 'Florence2Processor',
    do_resize: true,
    size: { height: image, width: image },
    resample: 3,
    do_center_crop: false,
    crop_size: { height: image, width: image },
    do_rescale: true,
    rescale_factor: 1 / 255,
    do_normalize: true,
    image_mean: [0.485, 0.456, 0.406],
    image_std: [0.229, 0.224, 0.225],
    do_convert_rgb: true,
    tasks_answer_post_processing_type: {
      '<OCR>': 'pure_text',
      '<OCR_WITH_REGION>': 'ocr',
      '<CAPTION>': 'pure_text',
      '<DETAILED_CAPTION>': 'pure_text',
      '<MORE_DETAILED_CAPTION>': 'pure_text',
      '<OD>': 'description_with_bboxes',
      '<DENSE_REGION_CAPTION>': 'description_with_bboxes',
      '<CAPTION_TO_PHRASE_GROUNDING>': 'phrase_grounding',
      '<REGION_PROPOSAL>': 'bboxes',
    },
    task_prompts_without_inputs: {
      '<OCR>': 'What is the text in the image?',
      '<OCR_WITH_REGION>': 'What is the text in the image, with regions?',
      '<CAPTION>': 'What does the image describe?',
      '<DETAILED_CAPTION>': 'Describe in detail what is shown in the image.',
      '<MORE_DETAILED_CAPTION>': 'Describe with a paragraph what is shown in the image.',
      '<OD>': 'Locate the objects with category name in the image.',
      '<DENSE_REGION_CAPTION>': 'Locate the objects in the image, with their descriptions.',
      '<REGION_PROPOSAL>': 'Locate the region proposals in the image.',
    },
    task_prompts_with_input: {
      '<CAPTION_TO_PHRASE_GROUNDING>': 'Locate the phrases in the caption: {input}',
    },
  };
}

/** @param {Record<string, number>} byteVocab GPT-2's byte → character vocabulary (ids = byte values, plus its end token) */
export function florenceTokenizer(byteVocab) {
  /** @type {Record<string, number>} */
  const vocab = { ...SPECIAL };
  for (const [char, id] of Object.entries(byteVocab)) if (id < 256) vocab[char] = id + BYTE_OFFSET;
  const token = (/** @type {string} */ content, /** @type {number} */ id, special = true) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special });
  const locs = Array.from({ length: LOCS }, (_, i) => token(`<loc_${i}>`, LOC_OFFSET + i, false));
  const byteLevel = { add_prefix_space: false, trim_offsets: true, use_regex: true };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [...Object.entries(SPECIAL).map(([content, id]) => token(content, id)), ...locs],
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', ...byteLevel },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }, { Sequence: { id: 'B', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }],
      special_tokens: { '<s>': { id: '<s>', ids: [0], tokens: ['<s>'] }, '</s>': { id: '</s>', ids: [2], tokens: ['</s>'] } },
    },
    decoder: { type: 'ByteLevel', ...byteLevel },
    model: { type: 'BPE', dropout: null, unk_token: '<unk>', continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, byte_fallback: false, vocab, merges: [] },
  };
}
