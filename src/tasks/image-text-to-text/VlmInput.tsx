import { useId } from 'react';
import type { InputProps } from '../types';
import { ImageInput } from '../../ui/kit/ImageInput/ImageInput';
import { FLORENCE_TASKS, florenceTaskInfo, type FlorenceTask } from './florence';
import type { Input, Output, WorkerInput } from './types';
import { isFlorence } from './family';
import './vlm.css';
import { FieldError } from '../../ui/kit/FieldError/FieldError';

export const SAMPLE_QUESTIONS = ['What is in this picture?', 'Describe the colours and the light.', 'What could happen next?'];

/** An input error belongs next to the picture when it is about the picture (or the file), else next to the question. */
export const isImageProblem = (message: string) => /image|picture|file/i.test(message) && !/question|phrase/i.test(message);

type Props = InputProps<Input, Output, WorkerInput>;

function Question({ value, onChange, error, disabled, onRun }: Props) {
  const id = useId();
  const chat = value.chat;
  return (
    <div className="field">
      <label htmlFor={id}>Question about the picture</label>
      <textarea
        id={id}
        rows={2}
        value={chat.draft}
        placeholder="Ask about the picture… (Enter to send, Shift+Enter for a new line)"
        onChange={(e) => onChange({ ...value, chat: { ...chat, draft: e.target.value } })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !disabled) {
            e.preventDefault();
            onRun?.();
          }
        }}
        aria-invalid={Boolean(error)}
        data-testid="vlm-question"
      />
      <FieldError testId="vlm-question-error">{error}</FieldError>
      {chat.messages.length === 0 && (
        <div className="chips" aria-label="Sample questions">
          {SAMPLE_QUESTIONS.map((sample) => (
            <button key={sample} type="button" className="chip" onClick={() => onChange({ ...value, chat: { ...chat, draft: sample } })} disabled={disabled}>
              {sample}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function FlorencePrompt({ value, onChange, error, disabled }: Props) {
  const id = useId();
  const textId = useId();
  const { task, text } = value.florence;
  const info = florenceTaskInfo(task);
  return (
    <div className="field florence-prompt">
      <label htmlFor={id}>Florence-2 task</label>
      <select id={id} value={task} disabled={disabled} data-testid="florence-task" onChange={(e) => onChange({ ...value, florence: { task: e.target.value as FlorenceTask, text } })}>
        {FLORENCE_TASKS.map((t) => (
          <option key={t.task} value={t.task}>{`${t.label} — ${t.task}`}</option>
        ))}
      </select>
      {info && 'needsText' in info && (
        <>
          <label htmlFor={textId}>Phrase to find</label>
          <input id={textId} type="text" value={text} disabled={disabled} aria-invalid={Boolean(error)} data-testid="florence-text" placeholder="e.g. a cup of coffee"
            onChange={(e) => onChange({ ...value, florence: { task, text: e.target.value } })} />
        </>
      )}
      <FieldError testId="vlm-question-error">{error}</FieldError>
    </div>
  );
}

/** The picture, then the question (SmolVLM-style chat) or the task prompt (Florence-2), by the chosen model. */
export function VlmInput(props: Props) {
  const imageError = props.error && isImageProblem(props.error) ? props.error : undefined;
  const textProps = { ...props, error: imageError ? undefined : props.error };
  const florence = isFlorence(props.model, props.modelType);
  return (
    <div className="vlm-input">
      <ImageInput value={props.value.image} onChange={(image) => props.onChange({ ...props.value, image })} error={imageError} disabled={props.disabled} />
      {florence ? <FlorencePrompt {...textProps} /> : <Question {...textProps} />}
    </div>
  );
}
