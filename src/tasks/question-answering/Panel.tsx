import type { TaskView } from '../types';
import { TextInput } from '../../ui/kit/TextInput/TextInput';
import { formatPercent } from '../../ui/format';
import { CONTEXT_MISSING, QUESTION_MISSING, locateAnswer, splitContext } from './answer';
import type { Input, Output } from './types';

const SAMPLES: (Input & { name: string })[] = [
  { name: 'Wolfgang', context: 'My name is Wolfgang and I live in Berlin.', question: 'Where does Wolfgang live?' },
  {
    name: 'Eiffel Tower',
    context:
      'The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris, France. It is named after the engineer Gustave Eiffel, whose company designed and built the tower from 1887 to 1889. It is 330 metres tall.',
    question: 'Who is the tower named after?',
  },
  {
    name: 'Amazon',
    context:
      'The Amazon rainforest covers much of the Amazon basin of South America. The basin encompasses seven million square kilometres, of which five and a half million are covered by the rainforest.',
    question: 'How much of the basin is covered by the rainforest?',
  },
];

function QaInputFields({ value, onChange, error, disabled }: { value: Input; onChange(next: Input): void; error?: string; disabled: boolean }) {
  const contextInvalid = !value.context.trim();
  return (
    <>
      <TextInput
        label="Context"
        rows={7}
        value={value.context}
        onChange={(context) => onChange({ ...value, context })}
        error={contextInvalid ? error : undefined}
        disabled={disabled}
        placeholder="Paste a paragraph that contains the answer."
        testId="context-input"
      />
      <TextInput
        label="Question"
        rows={2}
        value={value.question}
        onChange={(question) => onChange({ ...value, question })}
        error={contextInvalid ? undefined : error}
        disabled={disabled}
        testId="question-input"
      />
      <div className="chips" aria-label="Sample inputs">
        {SAMPLES.map(({ name, context, question }) => (
          <button key={name} type="button" className="chip" onClick={() => onChange({ context, question })} disabled={disabled}>
            {name}
          </button>
        ))}
      </div>
    </>
  );
}

function QaResult({ output }: { output: Output }) {
  const span = locateAnswer(output.context, output.answer);
  const parts = span && splitContext(output.context, span);
  return (
    <div className="qa">
      <p className="qa-question muted">Q: {output.question}</p>
      <div className="qa-answer" data-testid="qa-answer">
        <span className="qa-label">Answer</span>
        <strong data-testid="answer">{output.answer || '(empty)'}</strong>
        <span className="score-note" title="Model confidence: probability of the answer's start × end position">
          score <span data-testid="answer-score" data-score={output.score.toFixed(4)}>{formatPercent(output.score)}</span>
        </span>
      </div>
      {!parts && (
        <p className="notice" data-testid="answer-not-located">
          The answer could not be located in the context{output.answer ? ' (the model’s tokenizer may have changed how it is spelled)' : ''}.
        </p>
      )}
      <p className="qa-context" data-testid="qa-context">
        {parts ? (
          <>
            {parts[0]}
            <mark className="qa-highlight" data-testid="answer-highlight">{parts[1]}</mark>
            {parts[2]}
          </>
        ) : (
          output.context
        )}
      </p>
    </div>
  );
}

const view: TaskView<Input, Output> = {
  defaultInput: { context: SAMPLES[0].context, question: SAMPLES[0].question },
  validate: (input) => {
    if (!input.context.trim()) return CONTEXT_MISSING;
    if (!input.question.trim()) return QUESTION_MISSING;
    return undefined;
  },
  Input: QaInputFields,
  Output: ({ output }) => (output ? <QaResult output={output} /> : null),
};
export default view;
