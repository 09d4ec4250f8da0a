import { InvalidInputError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import type { Chunk, Output, WorkerInput } from './types';
import { embedCorpus, embedOne, type Embedder } from '../shared/embedding-cache';
import { rankByCosine } from '../shared/vectors';
import { MAX_DOCUMENTS, searchProblem } from './corpus';

/** The most the top-k control can show. */
export const MAX_SHOWN = 50;

function hintFor(documentCount: number): string {
  if (documentCount === 0) return 'Paste documents one per line, or upload a .txt, .csv or .json file.';
  if (documentCount > MAX_DOCUMENTS) return 'Search a smaller slice of the corpus.';
  return 'Type what you are looking for.';
}

/** The worker checks the input again: a message from here is shown next to the input, like the UI's own. */
function readRequest(input: WorkerInput): WorkerInput {
  const { documents: raw, query: rawQuery } = input;
  const documents = (Array.isArray(raw) ? raw : []).filter((d): d is string => typeof d === 'string').map((d) => d.trim()).filter(Boolean);
  const query = typeof rawQuery === 'string' ? rawQuery.trim() : '';
  const problem = searchProblem(documents, query);
  if (problem) throw new InvalidInputError(problem, hintFor(documents.length));
  return { documents, query };
}

const runner: TaskRunner<WorkerInput, Output, Chunk, Embedder> = {
  async warmup(pipe) {
    await pipe(['warm up'], { pooling: 'mean', normalize: true });
  },
  async run({ pipe, input, interrupted, emit }) {
    const { documents, query } = readRequest(input);
    const corpus = await embedCorpus(pipe, documents, { interrupted, onProgress: emit });
    const queryVector = await embedOne(pipe, query);
    const hits = rankByCosine(queryVector, corpus.vectors, { limit: MAX_SHOWN }).map(({ index, score }) => ({ index, score, text: documents[index] }));
    const output: Output = {
      query,
      hits,
      total: documents.length,
      dims: queryVector.length,
      embeddedDocuments: corpus.embedded,
      corpusKey: corpus.key,
    };
    return { output };
  },
};
export default runner;
