import { describe, expect, it } from 'vitest';
import { IDEFICS3_CHAT_TEMPLATE } from './idefics3-template';
import { smolvlmFiles } from '../../../scripts/make-smolvlm-fixture.mjs';

describe('the Idefics3 chat template', () => {
  it('is the one the SmolVLM fixture ships (the copy used when a model ships none)', () => {
    expect(smolvlmFiles()['tokenizer_config.json'].chat_template).toBe(IDEFICS3_CHAT_TEMPLATE);
  });
});
