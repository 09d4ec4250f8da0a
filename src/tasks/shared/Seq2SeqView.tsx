import type { OutputProps, TaskView } from '../types';
import { TextInput } from '../../ui/kit/TextInput/TextInput';
import type { Seq2SeqOutput } from './seq2seq-contract';
import { appendChunk, type TextChunk } from './text-chunk';

// View parts shared by the encoder-decoder tasks: the streamed text output and a text-in view.

/** Partials are {text} chunks from the streamer; the view shows them joined. */
export const reduceStreamedText = appendChunk;

/** What a text-in, text-out encoder-decoder view is: text in, streamed text out. */
export type Seq2SeqTextView = TaskView<string, Seq2SeqOutput, string, string, TextChunk>;

/** The streamed (then final) output, with a caret while streaming and the exact model input on request. */
export function StreamedOutput({ output, partial, title }: Pick<OutputProps<unknown, Seq2SeqOutput, string>, 'output' | 'partial'> & { title: string }) {
  const streaming = output === undefined;
  const text = output?.text ?? partial ?? '';
  if (streaming && !text) {
    return (
      <p className="muted">
        <span className="spinner" /> Encoding the input, waiting for the first token…
      </p>
    );
  }
  return (
    <div className="seq2seq-output">
      <h3>
        {title} {output?.stopped && <span className="pill warn">stopped</span>}
      </h3>
      <div className="generation" data-testid="seq2seq-output" aria-live="polite">
        <span data-testid="seq2seq-text">{text}</span>
        {streaming && <span className="caret" aria-hidden="true" />}
      </div>
      {output && (
        <details className="model-input">
          <summary>Exact model input</summary>
          <p data-testid="model-input-text">{output.source}</p>
        </details>
      )}
    </div>
  );
}

interface TextViewOptions {
  inputLabel: string;
  outputTitle: string;
  samples: string[];
  rows: number;
  emptyMessage: string;
  testId: string;
}

/** A complete view for a task whose input is one text (summarization, text2text-generation). */
export function seq2seqTextView(options: TextViewOptions): Seq2SeqTextView {
  return {
    defaultInput: options.samples[0],
    validate: (input) => (input.trim() ? undefined : options.emptyMessage),
    reducePartial: reduceStreamedText,
    Input: ({ value, onChange, error, disabled }) => (
      <TextInput label={options.inputLabel} value={value} onChange={onChange} samples={options.samples} error={error} disabled={disabled} rows={options.rows} testId={options.testId} />
    ),
    Output: ({ output, partial }) => <StreamedOutput output={output} partial={partial} title={options.outputTitle} />,
  };
}
