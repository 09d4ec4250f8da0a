// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from './PanelBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Broken(): never {
  throw new Error('cannot show this');
}

describe('PanelBoundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps a panel that throws from taking its siblings down, and reports it once', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const host = document.createElement('div');
    const onError = vi.fn();
    const root = createRoot(host);
    await act(async () => {
      root.render(createElement('div', null, createElement('p', null, 'sibling'), createElement(PanelBoundary, { onError, fallback: 'dropped' }, createElement(Broken))));
    });
    expect(host.textContent).toBe('siblingdropped');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0][0].message).toBe('cannot show this');
    await act(async () => root.unmount());
  });
});
