import type { TaskView } from '../types';
import { TextInput } from '../../ui/kit/TextInput/TextInput';
import { formatPercent } from '../../ui/format';
import { maskProblem, splitAtMask } from './mask';
import type { FillPrediction, Input, Output } from './types';

const SAMPLES = [
  'The goal of life is [MASK].',
  'Paris is the [MASK] of France.',
  'I took my <mask> for a walk in the park.',
  'She picked up her guitar and started to [MASK].',
];

function Prediction({ prediction, parts }: { prediction: FillPrediction; parts: [string, string] | undefined }) {
  return (
    <li data-testid="prediction" data-token={prediction.token}>
      <span className="fill-sentence">
        {parts ? (
          <>
            {parts[0]}
            <mark className="fill-token" data-testid="fill-token">{prediction.token}</mark>
            {parts[1]}
          </>
        ) : (
          prediction.sequence
        )}
      </span>
      <span className="score-track" aria-hidden="true">
        <span className="score-fill" style={{ width: `${Math.max(0.5, prediction.score * 100)}%` }} />
      </span>
      <span className="score-value">{formatPercent(prediction.score)}</span>
    </li>
  );
}

function FillResult({ output }: { output: Output }) {
  const parts = splitAtMask(output.text);
  return (
    <div className="fill-mask">
      <p className="muted small" data-testid="mask-token">
        This model's mask token is <code>{output.maskToken}</code>. Top {output.predictions.length} predictions:
      </p>
      <ol className="fill-predictions" data-testid="predictions">
        {output.predictions.map((prediction, i) => (
          <Prediction key={i} prediction={prediction} parts={parts} />
        ))}
      </ol>
    </div>
  );
}

const view: TaskView<Input, Output> = {
  defaultInput: SAMPLES[0],
  validate: maskProblem,
  Input: ({ value, onChange, error, disabled }) => (
    <div className="field">
      <TextInput label="Sentence with one blank" value={value} onChange={onChange} samples={SAMPLES} error={error} disabled={disabled} rows={3} testId="text-input" />
      <p className="field-note">
        Mark the missing word with <code>[MASK]</code> (BERT-style) or <code>&lt;mask&gt;</code> (RoBERTa-style); either is turned into the
        loaded model's own mask token.
      </p>
    </div>
  ),
  Output: ({ output }) => (output ? <FillResult output={output} /> : null),
};
export default view;
