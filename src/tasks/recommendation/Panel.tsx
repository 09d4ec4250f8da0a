import type { TaskView } from '../types';
import { EmbedProgressLine, RankedList } from '../shared/RankedList';
import { catalogOf, recommendationProblem } from './catalog';
import { CUSTOM_EXAMPLE, CatalogInput } from './CatalogInput';
import type { Chunk, Input, Output, WorkerInput } from './types';
import { SAMPLE_CATALOG } from './sample-catalog';

function Results({ output, topK }: { output: Output; topK: number }) {
  const shown = output.results.slice(0, topK);
  return (
    <div className="recommendations">
      <p className="embed-report" data-testid="embed-report" data-embedded={output.embeddedItems}>
        Because you liked <strong>{output.liked.join(', ')}</strong>.{' '}
        <span className="muted small">
          {output.embeddedItems === 0
            ? `Catalog embeddings reused: nothing embedded this run.`
            : `Embedded ${output.embeddedItems} catalog items this run (${output.dims}-d).`}
        </span>
      </p>
      <h3>
        Top {shown.length} of {output.results.length} <span className="muted small">(cosine similarity to the mean of your likes)</span>
      </h3>
      <RankedList
        testId="recommendations"
        rows={shown.map((item) => ({
          key: item.id,
          text: <span className="ranked-title">{item.title}</span>,
          detail: item.description,
          score: item.score,
          note: (
            <span data-testid="because">
              because you liked <em>{item.because.title}</em> ({item.because.score.toFixed(2)})
            </span>
          ),
        }))}
      />
    </div>
  );
}

const view: TaskView<Input, Output, Chunk, WorkerInput, Chunk> = {
  defaultInput: { source: 'sample', customCatalog: CUSTOM_EXAMPLE, liked: ['interstellar', 'the-martian'] },
  validate: (input) => recommendationProblem(catalogOf(input, SAMPLE_CATALOG), input.liked),
  prepare: async (input) => ({ items: catalogOf(input, SAMPLE_CATALOG), liked: input.liked }),
  reducePartial: (_previous, chunk) => chunk,
  Input: CatalogInput,
  Output: ({ output, partial, params }) =>
    output ? (
      <Results output={output} topK={Number(params.top_k ?? 8)} />
    ) : (
      <EmbedProgressLine progress={partial} what="catalog items" />
    ),
};
export default view;
