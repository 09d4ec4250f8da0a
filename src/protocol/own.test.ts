import { describe, expect, it } from 'vitest';
import { own, setOwn } from './own';

describe('own / setOwn', () => {
  it('never returns what a plain object inherits', () => {
    const record: Record<string, string> = { PER: 'person' };
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) expect(own(record, key)).toBeUndefined();
    expect(own(record, 'PER')).toBe('person');
  });

  it('stores __proto__ as an ordinary key, leaving prototypes alone', () => {
    const record: Record<string, unknown> = {};
    setOwn(record, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(own(record, '__proto__')).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(record))).toEqual(JSON.parse('{"__proto__":{"polluted":true}}'));
  });
});
