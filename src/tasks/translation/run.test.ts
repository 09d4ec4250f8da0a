import { describe, expect, it } from 'vitest';
import { fakeContext, fakePipe } from '../shared/fake-context';
import { fakeSeq2SeqPipe } from '../shared/seq2seq-fake';
import runner from './run';

const ctx = (pipe: unknown, input: unknown) => fakeContext(runner, input, pipe, { max_new_tokens: 8 });
const manyToMany = () => fakeSeq2SeqPipe([5, 6], { key: 'translation_text', tokenizer: { language_codes: ['eng_Latn', 'fra_Latn', 'deu_Latn'] } });

describe('translation runner', () => {
  it('passes language codes to a many-to-many model', async () => {
    const pipe = manyToMany();
    const { output } = await runner.run(ctx(pipe, { text: ' Hello ', src_lang: 'eng_Latn', tgt_lang: 'fra_Latn' }));
    expect(output).toMatchObject({ source: 'Hello', text: 'w5 w6' });
    expect(pipe.calls[0].options).toMatchObject({ src_lang: 'eng_Latn', tgt_lang: 'fra_Latn' });
  });
  it('drops language codes for a one-direction model', async () => {
    const pipe = fakeSeq2SeqPipe([5], { key: 'translation_text' });
    await runner.run(ctx(pipe, { text: 'Hello', src_lang: 'en', tgt_lang: 'fr' }));
    expect(pipe.calls[0].options).not.toHaveProperty('tgt_lang');
  });
  it('explains a missing, unknown or repeated language, and empty text', async () => {
    const pipe = manyToMany();
    await expect(runner.run(ctx(pipe, { text: 'Hi' }))).rejects.toMatchObject({ name: 'InvalidInputError', message: /needs a target language/ });
    await expect(runner.run(ctx(pipe, { text: 'Hi', tgt_lang: 'xx' }))).rejects.toMatchObject({ message: /target language “xx”/, hint: /eng_Latn/ });
    await expect(runner.run(ctx(pipe, { text: 'Hi', src_lang: 'fra_Latn', tgt_lang: 'fra_Latn' }))).rejects.toMatchObject({ message: /same/ });
    await expect(runner.run(ctx(pipe, { text: '  ' }))).rejects.toMatchObject({ name: 'InvalidInputError', hint: expect.any(String) });
    expect(pipe.calls).toHaveLength(0);
  });
  it('warms a many-to-many model up from English', async () => {
    const pipe = manyToMany();
    await runner.warmup(fakePipe(runner, pipe));
    expect(pipe.calls[0].options).toMatchObject({ src_lang: 'eng_Latn', tgt_lang: 'fra_Latn', max_new_tokens: 1 });
  });
});
