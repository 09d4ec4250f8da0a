import type { TaskView } from '../types';
import { EmbedProgressLine, RankedList } from '../shared/RankedList';
import { documentsOf, searchProblem } from './corpus';
import { SearchInput } from './SearchInput';
import type { Chunk, Input, Output, WorkerInput } from './types';
import { formatCount } from '../../ui/format';

const CORPUS = [
  'Someone is strumming a guitar on stage.',
  'The stock market fell sharply today.',
  'A chef is cooking pasta in a busy kitchen.',
  'A child is riding a bicycle in the park.',
  'The orchestra performed a symphony last night.',
  'Heavy rain is expected across the region tomorrow.',
  'The team won the championship after extra time.',
  'Add two cups of flour and bake for thirty minutes.',
].join('\n');

function EmbedReport({ output }: { output: Output }) {
  const cached = output.embeddedDocuments === 0;
  return (
    <p className="embed-report" data-testid="embed-report" data-embedded={output.embeddedDocuments} data-cached={cached}>
      {cached ? (
        <>
          <span className="pill">cached</span> Embedded this run: <strong>the query only</strong> — the {formatCount(output.total)} corpus
          embeddings were reused.
        </>
      ) : (
        <>
          Embedded this run: <strong>{formatCount(output.embeddedDocuments)} documents</strong> and the query ({output.dims}-d). New
          queries on this corpus embed only the query.
        </>
      )}
    </p>
  );
}

const view: TaskView<Input, Output, Chunk, WorkerInput, Chunk> = {
  defaultInput: { corpus: CORPUS, query: 'A man is playing a guitar.' },
  validate: (input) => searchProblem(documentsOf(input.corpus), input.query),
  prepare: async (input) => ({ documents: documentsOf(input.corpus), query: input.query.trim() }),
  reducePartial: (_previous, chunk) => chunk,
  Input: SearchInput,
  Output: ({ output, partial, params }) => {
    if (!output) return <EmbedProgressLine progress={partial} what="documents" />;
    const topK = Number(params.top_k ?? 5);
    const hits = output.hits.slice(0, topK);
    return (
      <div className="search-output">
        <EmbedReport output={output} />
        <h3>
          Top {hits.length} of {formatCount(output.total)} for “{output.query}” <span className="muted small">(cosine similarity)</span>
        </h3>
        <RankedList testId="search-results" rows={hits.map((hit) => ({ key: hit.index, text: hit.text, score: hit.score }))} />
      </div>
    );
  },
};
export default view;
