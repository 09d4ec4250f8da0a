import { describe, expect, it } from 'vitest';
import { openingTask, parsePanels } from './opening-panel';
import { STORE_KEY } from './store';
import { TASK_PANELS, panelChunks } from './start-up-plugin';

const LISTED = ['text-classification', 'chat', 'ocr'];

describe('openingTask', () => {
  it('follows ?task= first, then the last visit, then the first listed', () => {
    const saved = JSON.stringify({ state: { task: 'ocr' }, version: 2 });
    expect(openingTask('?task=chat', saved, LISTED)).toBe('chat');
    expect(openingTask('', saved, LISTED)).toBe('ocr');
    expect(openingTask('', null, LISTED)).toBe('text-classification');
  });

  it('ignores a task it does not know and a saved visit it cannot read', () => {
    expect(openingTask('?task=<img>', '{not json', LISTED)).toBe('text-classification');
    expect(openingTask('', JSON.stringify({ state: { task: 'gone' } }), LISTED)).toBe('text-classification');
  });

  it('reads the same saved visit the store writes', async () => {
    const main = await import('node:fs').then((fs) => fs.readFileSync(new URL('./main.tsx', import.meta.url), 'utf8'));
    expect(main).toContain(`SAVED_VISIT_KEY = '${STORE_KEY}'`);
  });
});

describe('panel preloads', () => {
  const bundle = {
    'boot.js': { type: 'chunk', imports: ['shared.js'] },
    'shared.js': { type: 'chunk', imports: [] },
    'chat.js': { type: 'chunk', facadeModuleId: '/app/src/tasks/chat/Panel.tsx', imports: ['shared.js', 'md.js'], viteMetadata: { importedCss: new Set(['chat.css']) } },
    'md.js': { type: 'chunk', imports: [] },
    'tc.js': { type: 'chunk', facadeModuleId: '/app/src/tasks/text-classification/Panel.tsx', imports: ['shared.js'] },
    'run.js': { type: 'chunk', facadeModuleId: '/app/src/tasks/chat/run.ts', imports: [] },
  };

  it('lists each panel with its own files, the first visit\'s task first, and parses back', () => {
    const content = panelChunks(bundle, TASK_PANELS, new Set(['boot.js', 'shared.js']), '/base/', 'text-classification');
    expect(content).toBe('text-classification=/base/tc.js;chat=/base/chat.js,/base/md.js,/base/chat.css');
    expect(parsePanels(content)).toEqual(new Map([['text-classification', ['/base/tc.js']], ['chat', ['/base/chat.js', '/base/md.js', '/base/chat.css']]]));
  });
});
