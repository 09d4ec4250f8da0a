import type { TaskView } from '../types';
import { appendChunk } from '../shared/text-chunk';
import { imagePayload, sampleImage } from '../../ui/kit/ImageInput/image-value';
import { appendReply, emptyConversation, pendingQuestion, sendDraft } from '../chat/conversation';
import { DEFAULT_FLORENCE_TASK, florenceTaskInfo } from './florence';
import { isFlorence } from './family';
import type { Chunk, Input, Output, Streamed, WorkerInput } from './types';
import { SAMPLE_QUESTIONS, VlmInput } from './VlmInput';
import { ChatView } from './ChatView';
import { FlorenceView } from './FlorenceView';
import '../shared/vision.css';

/** What is wrong with the input for this model, if anything (shown next to the input). */
function validate(input: Input, { model, modelType }: { model: string; modelType?: string }): string | undefined {
  if (!input.image) return 'Choose an image first.';
  if (isFlorence(model, modelType)) {
    const info = florenceTaskInfo(input.florence.task);
    if (!info) return 'Pick a Florence-2 task.';
    return 'needsText' in info && !input.florence.text.trim() ? `${info.label} needs a phrase to look for.` : undefined;
  }
  return pendingQuestion(input.chat) ? 'Type a question about the picture first.' : undefined;
}

const view: TaskView<Input, Output, Streamed, WorkerInput, Chunk> = {
  // A sample picture and a first question are ready: Run works before typing.
  defaultInput: {
    image: sampleImage('coffee.png'),
    chat: { ...emptyConversation, system: '', draft: SAMPLE_QUESTIONS[0] },
    florence: { task: DEFAULT_FLORENCE_TASK, text: '' },
  },
  runLabel: 'Ask',
  alwaysShowOutput: true,
  // A Florence-2 prompt is no chat turn: only a chat model's run turns the draft into a message.
  beforeRun: (input, { model, modelType }) => (isFlorence(model, modelType) ? input : { ...input, chat: sendDraft(input.chat) }),
  validate,
  async prepare(input) {
    return {
      image: await imagePayload(input.image),
      messages: input.chat.messages.map(({ role, content }) => ({ role, content })),
      florence: input.florence,
    };
  },
  applyResult: (input, output, stats) =>
    output.family === 'chat'
      ? { ...input, chat: appendReply(input.chat, output, { latencyMs: stats.latencyMs, ttftMs: stats.ttftMs, tokensPerSecond: stats.tokensPerSecond }) }
      : input,
  reducePartial: appendChunk,
  Input: VlmInput,
  Output: ({ value, input, output, partial, running, onChange, model, modelType }) => {
    const florence = running || !output ? isFlorence(model, modelType) : output.family === 'florence';
    if (florence) {
      return <FlorenceView output={output?.family === 'florence' ? output : undefined} imageUrl={input?.image?.url} partial={partial} running={running} />;
    }
    const clear = onChange ? () => onChange({ ...value, chat: { ...value.chat, messages: [] } }) : undefined;
    return <ChatView chat={value.chat} imageUrl={value.image?.url} partial={partial} running={running} onClear={clear} />;
  },
};
export default view;
