// @ts-check
// The vision-language fixtures load and run in Transformers.js itself (onnxruntime-node): the contracts are the
// ones its Idefics3 and Florence-2 classes expect, and the Florence-2 decoder's bias gives answers its processor
// parses. The browser runs the same files in e2e/image-text.spec.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AutoModelForImageTextToText, AutoProcessor, RawImage, env } from '@huggingface/transformers';
import { SMOLVLM_FIXTURE_ID, writeSmolvlmFixture } from './make-smolvlm-fixture.mjs';
import { FLORENCE_FIXTURE_ID, writeFlorenceFixture } from './make-florence-fixture.mjs';

/** A 48×40 picture with a gradient, so the image features are not constant. */
const picture = () => new RawImage(Uint8ClampedArray.from({ length: 48 * 40 * 3 }, (_, i) => (i * 7) % 256), 48, 40, 3);

describe('vision-language fixtures in Transformers.js', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vlm-fixtures-'));
  before(() => {
    writeSmolvlmFixture(dir);
    writeFlorenceFixture(dir);
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${dir}/`;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('SmolVLM: the chat template expands <image>, the picture is merged, the decoder streams letters', async () => {
    const processor = await AutoProcessor.from_pretrained(SMOLVLM_FIXTURE_ID);
    const model = await AutoModelForImageTextToText.from_pretrained(SMOLVLM_FIXTURE_ID, { dtype: 'fp32' });
    const messages = [{ role: 'user', content: [{ type: 'image' }, { type: 'text', text: 'What is this?' }] }];
    const prompt = processor.apply_chat_template(messages, { add_generation_prompt: true });
    assert.equal(prompt, '<|im_start|>User:<image>What is this?<end_of_utterance>\nAssistant:');
    for (const [tiles, frames] of [[false, 1], [true, 5]]) {
      const inputs = await processor(prompt, [picture()], { do_image_splitting: tiles });
      assert.deepEqual(inputs.pixel_values.dims, [1, frames, 3, 32, 32]);
      const out = /** @type {any} */ (await model.generate({ ...inputs, max_new_tokens: 6, do_sample: false }));
      const [text] = processor.batch_decode(out.slice(null, [inputs.input_ids.dims[1], out.dims[1]]), { skip_special_tokens: true });
      assert.match(text, /^[a-z ]{6}$/);
    }
    await model.dispose();
  });

  test('Florence-2: a caption is text, <OD> parses into two labelled boxes inside the picture', async () => {
    const processor = /** @type {any} */ (await AutoProcessor.from_pretrained(FLORENCE_FIXTURE_ID));
    const model = await AutoModelForImageTextToText.from_pretrained(FLORENCE_FIXTURE_ID, { dtype: 'fp32' });
    const image = picture();
    const answer = async (/** @type {string} */ task) => {
      const inputs = await processor(image, task);
      const ids = await model.generate({ ...inputs, max_new_tokens: 24, do_sample: false, num_beams: 1 });
      return processor.post_process_generation(processor.batch_decode(ids, { skip_special_tokens: false })[0], task, image.size);
    };
    assert.match((await answer('<CAPTION>'))['<CAPTION>'], /^[a-z ]+$/);
    const { labels, bboxes } = (await answer('<OD>'))['<OD>'];
    assert.equal(labels.length, 2);
    labels.forEach((/** @type {string} */ label) => assert.match(label, /^[a-z]{3}$/));
    for (const [x1, y1, x2, y2] of bboxes) {
      for (const x of [x1, x2]) assert.ok(x > 0 && x < image.width);
      for (const y of [y1, y2]) assert.ok(y > 0 && y < image.height);
    }
    await model.dispose();
  });
});
