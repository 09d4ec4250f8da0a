import type { RawImage } from '@huggingface/transformers';
import { InvalidInputError } from '../../protocol/errors';
import type { RunOutcome } from '../types';
import type { Output } from './types';
import { sampling, type VlmContext, type VlmPipe } from './vlm-pipe';
import { florenceTaskInfo, readFlorenceAnswer } from './florence';
import { streamTokens } from '../shared/token-stream';

/** One Florence-2 task prompt on the picture: construct_prompts → generate → post_process_generation. */
export async function runFlorence(pipe: VlmPipe, image: RawImage, { input, params, interrupted, emit }: VlmContext): Promise<RunOutcome<Output>> {
  const { processor } = pipe;
  const task = input?.florence?.task ?? '<CAPTION>';
  const info = florenceTaskInfo(task);
  if (!info) throw new InvalidInputError(`“${task}” is not a Florence-2 task prompt this page knows.`, 'Pick a task from the list.');
  const extra = input?.florence?.text?.trim() ?? '';
  if ('needsText' in info && !extra) throw new InvalidInputError(`${info.label} needs a phrase to look for.`, 'Type what to find in the picture.');
  const text = 'needsText' in info ? `${task}${extra}` : task;
  const prompt = processor.construct_prompts?.(text)[0] ?? text;
  const inputs = await processor(image, text);
  const stream = streamTokens(processor.tokenizer, { emit, interrupted });
  const ids = await pipe.model.generate({
    ...inputs,
    max_new_tokens: Number(params.max_new_tokens ?? 256),
    num_beams: 1,
    ...sampling(params),
    repetition_penalty: Number(params.repetition_penalty ?? 1),
    ...stream.options,
  });
  // Special tokens kept: the <loc_N> tokens carry the boxes.
  const [raw = ''] = processor.batch_decode(ids, { skip_special_tokens: false });
  const parsed = processor.post_process_generation?.(raw, task, [image.width, image.height]);
  const result = readFlorenceAnswer(task, parsed, raw);
  const output: Output = { family: 'florence', task, prompt, raw, result, width: image.width, height: image.height, stopped: interrupted() };
  return { output, stats: stream.stats() };
}
