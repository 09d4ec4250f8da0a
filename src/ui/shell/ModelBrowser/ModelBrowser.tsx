import { useState } from 'react';
import { useApp } from '../../../store';
import { findTask } from '../../../tasks/registry';
import { rememberLocalFolder, type LocalFolder } from '../../../models/local-folders';
import { localRef } from '../../../models/local-ref';
import { CatalogTab } from './CatalogTab';
import { LocalFolderTab } from './LocalFolderTab';
import { SearchTab } from './SearchTab';
import { Dialog } from '../../kit/Dialog/Dialog';

type Tab = 'catalog' | 'search' | 'local';
const TABS: [Tab, string][] = [
  ['catalog', 'Catalog'],
  ['search', 'Search'],
  ['local', 'Local folder'],
];

/** Pick a model for the current task: curated catalog, live Hub/mirror search, or a folder from disk. */
export function ModelBrowser({ onClose }: { onClose(): void }) {
  const task = useApp((s) => s.task);
  const host = useApp((s) => s.host);
  const current = useApp((s) => s.modelByTask[s.task] ?? '');
  const setModel = useApp((s) => s.setModel);
  const [tab, setTab] = useState<Tab>('catalog');
  const meta = findTask(task)?.meta;
  if (!meta) return null;
  const pipeline = meta.pipeline ?? meta.id;

  const pick = (model: string) => {
    setModel(model);
    onClose();
  };
  const useFolder = (folder: LocalFolder) => {
    rememberLocalFolder(folder);
    pick(localRef(folder.name));
  };

  return (
    <Dialog title={`Models for ${meta.label}`} onClose={onClose} closeButton className="wide" testId="model-browser">
      <div className="tabs" role="tablist">
        {TABS.map(([key, label]) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} className={tab === key ? 'tab active' : 'tab'} onClick={() => setTab(key)} data-testid={`browser-tab-${key}`}>
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="tab-panel">
        {tab === 'catalog' && <CatalogTab entries={meta.models} current={current} onPick={pick} />}
        {tab === 'search' && <SearchTab host={host} pipeline={pipeline} current={current} onPick={pick} />}
        {tab === 'local' && <LocalFolderTab pipeline={pipeline} onUse={useFolder} />}
      </div>
    </Dialog>
  );
}
