import { describe, expect, it } from 'vitest';
import { addLabels, cleanLabels, parseLabels, removeLabel } from './labels';

describe('candidate labels', () => {
  it('parses a comma-separated entry', () => {
    expect(parseLabels(' politics, sports,, business ,')).toEqual(['politics', 'sports', 'business']);
    expect(parseLabels('   ')).toEqual([]);
  });
  it('drops blanks, non-strings and case-insensitive duplicates', () => {
    expect(cleanLabels([' Sports', 'sports', '', 'travel', 3, 'SPORTS '])).toEqual(['Sports', 'travel']);
  });
  it('adds new labels after the existing ones, once', () => {
    expect(addLabels(['politics'], 'business, Politics, sports')).toEqual(['politics', 'business', 'sports']);
  });
  it('removes a label by position', () => {
    expect(removeLabel(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });
});
