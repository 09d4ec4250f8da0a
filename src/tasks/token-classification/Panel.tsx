import { Fragment } from 'react';
import type { TaskView } from '../types';
import { TextInput } from '../../ui/kit/TextInput/TextInput';
import { formatPercent } from '../../ui/format';
import { segmentText, type Entity } from './entities';
import type { Input, Output } from './types';

const SAMPLES = [
  'My name is Sarah and I live in London',
  'Apple was founded by Steve Jobs and Steve Wozniak in Cupertino, California.',
  'Angela Merkel met Emmanuel Macron in Berlin to discuss the European Union budget.',
];

interface Colour {
  solid: string;
  soft: string;
}

// Entity types come from the model's config (anyone can publish one): they are looked up in Maps, never
// as keys of plain objects, where `__proto__` or `constructor` would find Object.prototype's members.
const KNOWN = new Map<string, Colour>([
  ['PER', { solid: '#2563eb', soft: '#dbeafe' }],
  ['ORG', { solid: '#15803d', soft: '#dcfce7' }],
  ['LOC', { solid: '#c2410c', soft: '#ffedd5' }],
  ['MISC', { solid: '#7e22ce', soft: '#f3e8ff' }],
]);
const OTHERS: Colour[] = [
  { solid: '#be185d', soft: '#fce7f3' },
  { solid: '#0e7490', soft: '#cffafe' },
  { solid: '#4d7c0f', soft: '#ecfccb' },
  { solid: '#b91c1c', soft: '#fee2e2' },
];
const NAMES = new Map<string, string>([
  ['PER', 'person'],
  ['ORG', 'organisation'],
  ['LOC', 'location'],
  ['MISC', 'other'],
]);

function colourOf(type: string): Colour {
  const key = type.toUpperCase();
  const known = KNOWN.get(key) ?? KNOWN.get(key.slice(0, 3)) ?? (key === 'GPE' ? KNOWN.get('LOC') : undefined);
  if (known) return known;
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return OTHERS[hash % OTHERS.length];
}

const describe = (entity: Entity) => {
  const name = NAMES.get(entity.type);
  return `${entity.type}${name ? ` (${name})` : ''} · ${formatPercent(entity.score)}`;
};

function Legend({ types }: { types: string[] }) {
  return (
    <ul className="entity-legend" data-testid="entity-legend" aria-label="Entity types">
      {types.map((type) => (
        <li key={type} data-type={type}>
          <span className="swatch" style={{ background: colourOf(type).solid }} />
          <span>{type}</span>
          {NAMES.has(type) && <span className="muted">{NAMES.get(type)}</span>}
        </li>
      ))}
    </ul>
  );
}

function Mark({ entity }: { entity: Entity }) {
  const colour = colourOf(entity.type);
  return (
    <mark className="entity" data-testid="entity" data-type={entity.type} title={describe(entity)} style={{ background: colour.soft, borderColor: colour.solid }}>
      <span className="entity-text">{entity.text}</span>
      <span className="entity-tag" style={{ background: colour.solid }} aria-hidden="true">
        {entity.type}
      </span>
    </mark>
  );
}

function EntityTable({ entities }: { entities: Entity[] }) {
  return (
    <div className="table-scroll">
      <table className="entity-table" data-testid="entity-table">
        <thead>
          <tr>
            <th scope="col">Entity</th>
            <th scope="col">Type</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {entities.map((entity, i) => (
            <tr key={i} data-testid="entity-row" data-type={entity.type}>
              <td className="entity-cell">{entity.text}</td>
              <td>
                <span className="swatch" style={{ background: colourOf(entity.type).solid }} />
                {entity.type}
              </td>
              <td className="num">{formatPercent(entity.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function NerResult({ output }: { output: Output }) {
  const { text, entities, types } = output;
  return (
    <div className="ner" data-testid="ner-output">
      <Legend types={types} />
      <p className="ner-text" data-testid="ner-text">
        {segmentText(text, entities).map((segment, i) =>
          segment.entity ? <Mark key={i} entity={segment.entity} /> : <Fragment key={i}>{segment.text}</Fragment>,
        )}
      </p>
      <h3>
        {entities.length} {entities.length === 1 ? 'entity' : 'entities'}
      </h3>
      {entities.length > 0 ? <EntityTable entities={entities} /> : <p className="muted">The model found no entities in this text.</p>}
    </div>
  );
}

const view: TaskView<Input, Output> = {
  defaultInput: SAMPLES[0],
  validate: (input) => (input.trim() ? undefined : 'Type a text to find entities in.'),
  Input: ({ value, onChange, error, disabled }) => (
    <TextInput label="Text" value={value} onChange={onChange} samples={SAMPLES} error={error} disabled={disabled} rows={5} testId="text-input" />
  ),
  Output: ({ output }) => (output ? <NerResult output={output} /> : null),
};
export default view;
