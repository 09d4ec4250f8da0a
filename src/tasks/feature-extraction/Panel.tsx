import type { TaskView } from '../types';
import { TextInput } from '../../ui/kit/TextInput/TextInput';
import type { Input, Output } from './types';

const DEFAULT: Input = {
  sentences: ['Someone is strumming a guitar on stage.', 'The stock market fell sharply today.', 'A chef is cooking pasta in a busy kitchen.'],
  query: 'A man is playing a guitar.',
};

const SAMPLE_SETS: { label: string; input: Input }[] = [
  { label: 'Music vs news', input: DEFAULT },
  {
    label: 'Pets',
    input: {
      sentences: ['The cat is sleeping on the sofa.', 'A puppy chases a ball in the garden.', 'Interest rates rose again this quarter.'],
      query: 'A kitten naps on the couch.',
    },
  },
  {
    label: 'Weather',
    input: {
      sentences: ['Heavy rain is expected tomorrow.', 'The football match ended in a draw.', 'It will be sunny and warm all week.'],
      query: 'Will it rain tomorrow?',
    },
  },
];

const linesOf = (text: string) => text.split('\n');

function heat(score: number): string {
  const t = Math.max(0, Math.min(1, score));
  return `hsl(${245 - t * 10} 80% ${96 - t * 46}%)`;
}

function Matrix({ output }: { output: Output }) {
  return (
    <div className="table-scroll">
      <table className="matrix" data-testid="similarity-matrix">
        <thead>
          <tr>
            <th />
            {output.sentences.map((_, i) => (
              <th key={i} scope="col">#{i + 1}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {output.matrix.map((row, i) => (
            <tr key={i}>
              <th scope="row" title={output.sentences[i]}>#{i + 1} {output.sentences[i]}</th>
              {row.map((score, j) => (
                <td key={j} style={{ background: heat(score), color: score > 0.6 ? '#fff' : undefined }}>{score.toFixed(2)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const view: TaskView<Input, Output> = {
  defaultInput: DEFAULT,
  validate: (input) => {
    if (!input.sentences.some((s) => s.trim())) return 'Enter at least one sentence (one per line).';
    if (!input.query.trim()) return 'Type a query to search the sentences with.';
    return undefined;
  },
  Input: ({ value, onChange, error, disabled }) => (
    <>
      <TextInput
        label="Sentences (one per line)"
        rows={6}
        value={value.sentences.join('\n')}
        onChange={(text) => onChange({ ...value, sentences: linesOf(text) })}
        disabled={disabled}
        testId="sentences-input"
      />
      <TextInput
        label="Query"
        rows={2}
        value={value.query}
        onChange={(query) => onChange({ ...value, query })}
        error={error}
        disabled={disabled}
        testId="query-input"
      />
      <div className="chips" aria-label="Sample inputs">
        {SAMPLE_SETS.map((sample) => (
          <button key={sample.label} type="button" className="chip" onClick={() => onChange(sample.input)} disabled={disabled}>
            {sample.label}
          </button>
        ))}
      </div>
    </>
  ),
  Output: ({ output }) =>
    output ? (
      <div className="similarity">
        <h3>Nearest to “{output.query}” <span className="muted small">(cosine similarity)</span></h3>
        <ol className="neighbours" data-testid="neighbours">
          {output.neighbours.map(({ index, score }) => (
            <li key={index}>
              <span className="neighbour-text">{output.sentences[index]}</span>
              <span className="score-track" aria-hidden="true">
                <span className="score-fill" style={{ width: `${Math.max(1, score * 100)}%` }} />
              </span>
              <span className="cos" title="cosine similarity">{score.toFixed(3)}</span>
            </li>
          ))}
        </ol>
        <h3>Similarity matrix <span className="muted small">({output.dims}-d embeddings, cosine)</span></h3>
        <Matrix output={output} />
      </div>
    ) : null,
};
export default view;
