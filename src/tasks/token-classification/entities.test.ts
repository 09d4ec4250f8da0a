import { describe, expect, it } from 'vitest';
import { entityTypes, groupTokens, locateTokens, segmentText, splitTag, toEntities, type TokenPrediction } from './entities';

const t = (entity: string, word: string, index: number, score = 0.9): TokenPrediction => ({ entity, word, index, score });

describe('splitTag / entityTypes', () => {
  it('splits BIOES prefixes and keeps bare labels', () => {
    expect(splitTag('B-PER')).toEqual(['B', 'PER']);
    expect(splitTag('I-MISC')).toEqual(['I', 'MISC']);
    expect(splitTag('DATE')).toEqual(['I', 'DATE']);
  });
  it('lists the types of an id2label without O', () => {
    expect(entityTypes({ 0: 'O', 1: 'B-PER', 2: 'I-PER', 3: 'B-LOC', 4: 'I-LOC' })).toEqual(['PER', 'LOC']);
    expect(entityTypes(undefined)).toEqual([]);
  });
});

describe('locateTokens', () => {
  it('finds words in order, skipping matches inside earlier words', () => {
    const text = 'This is in Iceland';
    const spans = locateTokens(text, [t('B-LOC', 'is', 3), t('B-LOC', 'iceland', 5)]);
    expect(spans.map((s) => s && text.slice(s.start, s.end))).toEqual(['is', 'Iceland']);
    expect(spans[0]!.start).toBe(5);
  });
  it('glues ## subwords to the previous piece and folds accents', () => {
    const text = 'Zürich-based';
    const spans = locateTokens(text, [t('B-LOC', 'z', 1), t('I-LOC', '##ur', 2), t('I-LOC', '##ich', 3)]);
    expect(spans).toEqual([{ start: 0, end: 1 }, { start: 1, end: 3 }, { start: 3, end: 6 }]);
  });
  it('leaves a word that is not in the text undefined and carries on', () => {
    const spans = locateTokens('Ana lives in Oslo', [t('B-PER', 'zzz', 1), t('B-LOC', 'oslo', 4)]);
    expect(spans).toEqual([undefined, { start: 13, end: 17 }]);
  });
});

describe('groupTokens / toEntities', () => {
  it('groups B- then I- of one type, splits on a new B- or another type', () => {
    const tokens = [t('B-PER', 'Sarah', 4), t('I-PER', 'Jones', 5), t('B-PER', 'Tom', 6), t('I-LOC', 'Paris', 7)];
    expect(groupTokens(tokens).map((g) => [g.type, g.members])).toEqual([['PER', [0, 1]], ['PER', [2]], ['LOC', [3]]]);
  });
  it('does not join tokens that are not adjacent', () => {
    const tokens = [t('B-ORG', 'acme', 1), t('I-ORG', 'corp', 3)];
    expect(groupTokens(tokens)).toHaveLength(2);
  });
  it('joins a subword even when it is tagged B-', () => {
    expect(groupTokens([t('B-LOC', 'z', 1), t('B-LOC', '##urich', 2)])).toHaveLength(1);
  });
  it('gives spans with offsets, the text as typed and the mean score', () => {
    const text = 'My name is Sarah Jones and I live in New York.';
    const tokens = [t('B-PER', 'sarah', 4, 0.8), t('I-PER', 'jones', 5, 0.6), t('B-LOC', 'new', 10), t('I-LOC', 'york', 11)];
    const [person, place] = toEntities(text, tokens);
    expect(person).toMatchObject({ type: 'PER', text: 'Sarah Jones', start: 11, end: 22 });
    expect(person.score).toBeCloseTo(0.7);
    expect(place).toMatchObject({ type: 'LOC', text: 'New York' });
  });
  it('falls back to the joined words when nothing can be located', () => {
    expect(toEntities('abc', [t('B-MISC', 'x', 1), t('I-MISC', '##y', 2)])[0]).toEqual({ type: 'MISC', score: 0.9, text: 'xy' });
  });
});

describe('segmentText', () => {
  it('cuts the text into plain and entity runs that join back into the input', () => {
    const text = 'I live in London now';
    const segments = segmentText(text, [{ type: 'LOC', score: 1, text: 'London', start: 10, end: 16 }, { type: 'X', score: 1, text: '?' }]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.map((s) => s.entity?.type)).toEqual([undefined, 'LOC', undefined]);
  });
});
