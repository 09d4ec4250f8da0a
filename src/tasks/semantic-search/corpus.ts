// Turning pasted or uploaded text into a list of documents (pure; used by the UI and the worker).
import { formatCount } from '../../ui/format';

export const MAX_DOCUMENTS = 5000;

/** One document per non-blank line, trimmed. */
export function documentsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The first problem with a corpus and query, or undefined when both are usable. */
export function searchProblem(documents: readonly string[], query: string): string | undefined {
  if (documents.length === 0) return 'The corpus is empty: paste some documents, one per line, or upload a file.';
  if (documents.length > MAX_DOCUMENTS) {
    return `The corpus has ${formatCount(documents.length)} documents; the limit is ${formatCount(MAX_DOCUMENTS)}.`;
  }
  if (!query.trim()) return 'Type a query to search the corpus with.';
  return undefined;
}

/** Splits one CSV line into fields (double quotes, "" as an escaped quote). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/** CSV: the column named text/document/content/sentence when the header has one, else the first column. */
function csvDocuments(text: string): string[] {
  const rows = documentsOf(text).map(csvFields);
  if (rows.length === 0) return [];
  const header = rows[0].map((name) => name.toLowerCase());
  const named = header.findIndex((name) => ['text', 'document', 'content', 'sentence', 'body'].includes(name));
  const column = named >= 0 ? named : 0;
  return (named >= 0 ? rows.slice(1) : rows).map((row) => row[column] ?? '').filter(Boolean);
}

function jsonDocuments(text: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`This file is not valid JSON (${(error as Error).message}).`);
  }
  if (!Array.isArray(data)) throw new Error('The JSON file must hold an array of strings or of {"text": …} objects.');
  return data.map((item, i) => {
    if (typeof item === 'string') return item;
    const value = (item as { text?: unknown } | null)?.text;
    if (typeof value === 'string') return value;
    throw new Error(`Item ${i + 1} of the JSON array is neither a string nor an object with a "text" string.`);
  });
}

/**
 * Reads an uploaded corpus file (.txt: one per line; .csv: one column; .json: array of strings or {text})
 * into documents, each flattened to one line so the corpus box can show it. Throws a readable Error.
 */
export function parseCorpusFile(name: string, text: string): string[] {
  const extension = name.toLowerCase().split('.').pop();
  let documents: string[];
  if (extension === 'json') documents = jsonDocuments(text);
  else if (extension === 'csv') documents = csvDocuments(text);
  else if (extension === 'txt' || extension === 'md' || extension === 'tsv') documents = documentsOf(text);
  else throw new Error(`“${name}” is not a .txt, .csv or .json file.`);
  const flat = documents.map((doc) => doc.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (flat.length === 0) throw new Error(`“${name}” holds no documents.`);
  return flat;
}
