import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENTS, csvFields, documentsOf, parseCorpusFile, searchProblem } from './corpus';

describe('documentsOf', () => {
  it('keeps one trimmed document per non-blank line', () => {
    expect(documentsOf('  a \n\n b\r\nc\n   ')).toEqual(['a', 'b', 'c']);
    expect(documentsOf('')).toEqual([]);
  });
});

describe('searchProblem', () => {
  it('names an empty corpus, a corpus over the limit and an empty query', () => {
    expect(searchProblem([], 'q')).toMatch(/corpus is empty/);
    expect(searchProblem(new Array(MAX_DOCUMENTS + 1).fill('x'), 'q')).toMatch(/5,001 documents; the limit is 5,000/);
    expect(searchProblem(['doc'], '  ')).toMatch(/Type a query/);
    expect(searchProblem(new Array(MAX_DOCUMENTS).fill('x'), 'q')).toBeUndefined();
  });
});

describe('csvFields', () => {
  it('splits on commas outside quotes and unescapes doubled quotes', () => {
    expect(csvFields('a, "b, c" ,"say ""hi"""')).toEqual(['a', 'b, c', 'say "hi"']);
    expect(csvFields('')).toEqual(['']);
  });
});

describe('parseCorpusFile', () => {
  it('reads .txt files line by line', () => {
    expect(parseCorpusFile('docs.TXT', 'one\n\ntwo  words\n')).toEqual(['one', 'two words']);
  });
  it('reads the text column of a .csv with a header, else its first column', () => {
    expect(parseCorpusFile('d.csv', 'id,text\n1,"Hello, world"\n2,Bye')).toEqual(['Hello, world', 'Bye']);
    expect(parseCorpusFile('d.csv', 'first,x\nsecond,y')).toEqual(['first', 'second']);
  });
  it('reads .json arrays of strings or of {text} objects', () => {
    expect(parseCorpusFile('d.json', '["a", "b\\nc"]')).toEqual(['a', 'b c']);
    expect(parseCorpusFile('d.json', '[{"text": "x", "id": 1}, {"text": "y"}]')).toEqual(['x', 'y']);
  });
  it('explains bad files', () => {
    expect(() => parseCorpusFile('d.json', '{"text": "x"}')).toThrow(/array of strings/);
    expect(() => parseCorpusFile('d.json', '[1]')).toThrow(/Item 1/);
    expect(() => parseCorpusFile('d.json', 'nope')).toThrow(/not valid JSON/);
    expect(() => parseCorpusFile('d.pdf', 'x')).toThrow(/not a .txt, .csv or .json/);
    expect(() => parseCorpusFile('d.txt', '\n \n')).toThrow(/no documents/);
  });
});
