import { describe, expect, it } from 'vitest';
import { DtypeUnavailableError, InferenceError, ModelNotFoundError, fromWire, toWire } from './errors';

describe('errors across the thread boundary', () => {
  it('keeps the class, message and hint through a round trip', () => {
    const wire = toWire(new ModelNotFoundError('no such model', 'check the id'));
    expect(wire).toEqual({ name: 'ModelNotFoundError', message: 'no such model', hint: 'check the id' });
    const back = fromWire(structuredClone(wire));
    expect(back).toBeInstanceOf(ModelNotFoundError);
    expect(back.hint).toBe('check the id');
  });
  it('names survive even if a minifier renames the classes', () => {
    expect(new DtypeUnavailableError('x').name).toBe('DtypeUnavailableError');
  });
  it('wraps plain errors and unknown names as InferenceError', () => {
    expect(toWire(new TypeError('boom'))).toEqual({ name: 'InferenceError', message: 'boom' });
    expect(toWire('weird')).toEqual({ name: 'InferenceError', message: 'weird' });
    expect(fromWire({ name: 'SomethingElse', message: 'm' })).toBeInstanceOf(InferenceError);
  });
});
