import type { TaskView } from '../types';
import { imagePayload, sampleImage } from '../../ui/kit/ImageInput/image-value';
import { EmbedProgressLine, RankedList } from '../shared/RankedList';
import { QueryInput } from './QueryInput';
import { QUERY_IMAGE_MISSING, QUERY_TEXT_EMPTY, picturesProblem } from './gallery';
import { contentKey } from './picture-intake';
import type { Chunk, Input, Output, WorkerInput } from './types';
import '../shared/vision.css';
import './gallery.css';
import { formatCount } from '../../ui/format';

function IndexReport({ output }: { output: Output }) {
  const reused = output.total - output.embedded;
  return (
    <p className="embed-report" data-testid="index-report" data-embedded={output.embedded} data-total={output.total}>
      Index: <strong>{formatCount(output.total)} pictures</strong> ({output.dims}-d) —{' '}
      {output.embedded === 0 ? 'all reused from earlier runs' : `${formatCount(output.embedded)} embedded this run${reused ? `, ${formatCount(reused)} reused` : ''}`}
      . {output.textTower ? 'This model can also search by text.' : 'This model searches by picture only.'}
    </p>
  );
}

const view: TaskView<Input, Output, Chunk, WorkerInput, Chunk> = {
  defaultInput: {
    pictures: ['coffee.png', 'astronaut.png', 'chelsea.png', 'cafe-menu.png'].map(sampleImage),
    by: 'picture',
    queryImage: sampleImage('chelsea.png'),
    queryText: 'a cat',
  },
  validate: (input) => {
    const problem = picturesProblem(input.pictures.length);
    if (problem) return problem;
    if (input.by === 'text') return input.queryText.trim() ? undefined : QUERY_TEXT_EMPTY;
    return input.queryImage ? undefined : QUERY_IMAGE_MISSING;
  },
  prepare: async (input) => {
    const pictures = await Promise.all(
      input.pictures.map(async (picture) => {
        const payload = await imagePayload(picture);
        return { name: picture.name, image: payload!.image, key: await contentKey(payload!.image) };
      }),
    );
    if (input.by === 'text') return { pictures, query: { kind: 'text', text: input.queryText.trim() } };
    const query = await imagePayload(input.queryImage);
    if (!query) throw new Error(QUERY_IMAGE_MISSING);
    return { pictures, query: { kind: 'picture', name: query.name, image: query.image } };
  },
  reducePartial: (_previous, chunk) => chunk,
  Input: QueryInput,
  Output: ({ input, output, partial, params }) => {
    if (!output) return <EmbedProgressLine progress={partial} what="pictures" />;
    const topK = Number(params.top_k ?? 10);
    const hits = output.hits.slice(0, topK);
    const query = output.query.kind === 'text' ? `“${output.query.text}”` : `the picture “${output.query.name}”`;
    return (
      <div className="search-output similarity-output">
        <IndexReport output={output} />
        <h3>
          Top {hits.length} of {formatCount(output.total)} for {query} <span className="muted small">(cosine similarity)</span>
        </h3>
        <RankedList
          testId="similarity-results"
          rows={hits.map((hit) => ({
            key: hit.index,
            score: hit.score,
            text: (
              <span className="similarity-hit" data-name={hit.name}>
                {input.pictures[hit.index] && <img src={input.pictures[hit.index].url} alt="" />}
                <span>{hit.name}</span>
              </span>
            ),
          }))}
        />
      </div>
    );
  },
};
export default view;
