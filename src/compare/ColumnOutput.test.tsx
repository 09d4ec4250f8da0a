// @vitest-environment jsdom
// A compare column shows a task's output read-only: a chat there has no Clear, Edit or Regenerate (they would act
// on the input every column shares, and did nothing), while the workspace's chat keeps them.
import { act, createElement, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { findTask } from '../tasks/registry';
import type { OutputProps } from '../tasks/types';
import { ColumnOutput } from './ColumnOutput';
import { emptyResult } from './types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

async function render(element: ReactElement): Promise<string> {
  const host = document.createElement('div');
  const root = createRoot(host);
  await act(async () => root.render(element));
  const html = host.innerHTML;
  await act(async () => root.unmount());
  return html;
}

const conversation = {
  system: '',
  draft: '',
  messages: [
    { role: 'user', content: 'Hello there' },
    { role: 'assistant', content: 'Once upon a time', stats: { promptTokens: 3, newTokens: 4, reusedTokens: 0, latencyMs: 5 } },
  ],
};

describe('a chat in a compare column', () => {
  it('is read-only: no Clear, Edit or Regenerate, but the reply is shown', async () => {
    const view = await findTask('chat')!.view();
    const column = { model: 'a/chat', dtype: 'auto' as const, device: 'auto' as const, params: {} };
    const result = { ...emptyResult('done'), input: conversation, output: { reply: 'Once upon a time' } };
    const html = await render(createElement(ColumnOutput, { view, column, result, name: 'A', differs: false, onParamsChange: () => undefined }));
    expect(html).toContain('Once upon a time');
    expect(html).toContain('Hello there');
    expect(html).not.toContain('data-testid="clear-chat"');
    expect(html).not.toContain('data-testid="regenerate"');
    expect(html).not.toContain('>Edit<');
  });

  it('keeps its actions in the workspace, where the input can be changed', async () => {
    const view = await findTask('chat')!.view();
    const props: OutputProps = { input: conversation, output: undefined, partial: undefined, params: {}, model: '', caps: undefined, onParamsChange() {}, value: conversation, onChange() {}, onRun() {}, running: false };
    const html = await render(createElement(view.Output, props));
    expect(html).toContain('data-testid="clear-chat"');
    expect(html).toContain('data-testid="regenerate"');
    expect(html).toContain('>Edit<');
  });
});
