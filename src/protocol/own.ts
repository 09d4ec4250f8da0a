// Strings from models, links and files (labels, input names, error names) must never be looked up as keys
// of plain objects: `__proto__`, `constructor` or `toString` would find Object.prototype's members there.

/** The record's own value for `key`, or undefined — never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets `key` as an own data property (plain assignment to `__proto__` would replace the prototype instead). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
