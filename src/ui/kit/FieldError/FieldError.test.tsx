import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FieldError } from './FieldError';

const html = (props: Parameters<typeof FieldError>[0]) => renderToStaticMarkup(createElement(FieldError, props));

describe('FieldError', () => {
  it('announces a message as an alert, with the id a field points at and a test id', () => {
    expect(html({ children: 'Too long', id: 'f-error', testId: 'x-error' })).toBe(
      '<p class="field-error" role="alert" id="f-error" data-testid="x-error">Too long</p>',
    );
  });
  it('renders the note instead when there is no message, and nothing without one', () => {
    for (const empty of [undefined, null, false, '']) {
      expect(html({ children: empty, note: 'A hint' })).toBe('<p class="field-note">A hint</p>');
      expect(html({ children: empty })).toBe('');
    }
  });
  it('shows a message from a model file as text, never as markup', () => {
    expect(html({ children: '<img src=x onerror=alert(1)>' })).toContain('&lt;img');
  });
});
