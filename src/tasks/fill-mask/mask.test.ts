import { describe, expect, it } from 'vitest';
import { countMasks, maskProblem, splitAtMask, toModelMask } from './mask';

describe('mask helpers', () => {
  it('counts both spellings', () => {
    expect(countMasks('The [MASK] and the <mask>.')).toBe(2);
    expect(countMasks('No blank, [mask] is not a mask.')).toBe(0);
  });
  it('explains what is wrong with the text', () => {
    expect(maskProblem('  ')).toMatch(/Type a sentence/);
    expect(maskProblem('Paris is the capital of France.')).toMatch(/no mask token/);
    expect(maskProblem('[MASK] is the [MASK] of France.')).toMatch(/2 mask tokens/);
    expect(maskProblem('Paris is the <mask> of France.')).toBeUndefined();
  });
  it("turns either spelling into the model's mask token", () => {
    expect(toModelMask('Paris is the <mask> of France.', '[MASK]')).toBe('Paris is the [MASK] of France.');
    expect(toModelMask('Paris is the [MASK] of France.', '<mask>')).toBe('Paris is the <mask> of France.');
    expect(toModelMask('a [MASK] b', '$&')).toBe('a $& b');
  });
  it('splits the text around the mask', () => {
    expect(splitAtMask('Paris is the [MASK] of France.')).toEqual(['Paris is the ', ' of France.']);
    expect(splitAtMask('<mask> rules')).toEqual(['', ' rules']);
    expect(splitAtMask('nothing here')).toBeUndefined();
  });
});
