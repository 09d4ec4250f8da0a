import { InvalidInputError } from '../../protocol/errors';
import type { TaskRunner } from '../types';
import { embedCorpus, embedOne, type Embedder } from '../shared/embedding-cache';
import { rankByCosine } from '../shared/vectors';
import { MAX_DOCUMENTS, searchProblem } from './corpus';

/** What the worker receives: the documents already split, and the query. */
export interface SearchRequest {
  documents: string[];
  query: string;
}

export interface SearchHit {
  index: number;
  text: string;
  score: number;
}

export interface SearchOutput {
  query: string;
  /** The best MAX_SHOWN hits, best first (the view shows top-k of them). */
  hits: SearchHit[];
  total: number;
  dims: number;
  /** Documents embedded by this run: 0 when the corpus embeddings were reused. */
  embeddedDocuments: number;
  corpusKey: string;
}

/** The most the top-k control can show. */
export const MAX_SHOWN = 50;

function hintFor(documentCount: number): string {
  if (documentCount === 0) return 'Paste documents one per line, or upload a .txt, .csv or .json file.';
  if (documentCount > MAX_DOCUMENTS) return 'Search a smaller slice of the corpus.';
  return 'Type what you are looking for.';
}

/** The worker checks the input again: a message from here is shown next to the input, like the UI's own. */
function readRequest(input: unknown): SearchRequest {
  const { documents: raw, query: rawQuery } = (input ?? {}) as Partial<SearchRequest>;
  const documents = (Array.isArray(raw) ? raw : []).filter((d): d is string => typeof d === 'string').map((d) => d.trim()).filter(Boolean);
  const query = typeof rawQuery === 'string' ? rawQuery.trim() : '';
  const problem = searchProblem(documents, query);
  if (problem) throw new InvalidInputError(problem, hintFor(documents.length));
  return { documents, query };
}

const runner: TaskRunner = {
  async warmup(pipe) {
    await (pipe as Embedder)(['warm up'], { pooling: 'mean', normalize: true });
  },
  async run({ pipe, input, interrupted, emit }) {
    const { documents, query } = readRequest(input);
    const corpus = await embedCorpus(pipe, documents, { interrupted, onProgress: (progress) => emit(progress) });
    const queryVector = await embedOne(pipe, query);
    const hits = rankByCosine(queryVector, corpus.vectors, { limit: MAX_SHOWN }).map(({ index, score }) => ({ index, score, text: documents[index] }));
    const output: SearchOutput = {
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
