import { describe, expect, it } from 'vitest';
import { searchWithTask, taskFromSearch } from './task-param';

const known = (id: string) => ['chat', 'ocr'].includes(id);

describe('?task= deep link', () => {
  it('names a known task', () => {
    expect(taskFromSearch('?task=chat&host=http://x/', known)).toBe('chat');
  });

  it('ignores an unknown, empty or missing task', () => {
    expect(taskFromSearch('?task=nope', known)).toBeUndefined();
    expect(taskFromSearch('?task=', known)).toBeUndefined();
    expect(taskFromSearch('?host=http://x/', known)).toBeUndefined();
  });

  it('sets the task and keeps the other parameters', () => {
    expect(searchWithTask('?host=http%3A%2F%2Fx%2F&task=chat', 'ocr')).toBe('?host=http%3A%2F%2Fx%2F&task=ocr');
    expect(searchWithTask('', 'ocr')).toBe('?task=ocr');
  });
});
