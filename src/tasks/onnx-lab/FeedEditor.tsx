import type { ValueInfo } from './onnx-reader';
import { formatShape } from './onnx-reader';
import type { FeedConfig } from './lab-value';

interface Props {
  input: ValueInfo;
  feed: FeedConfig;
  disabled: boolean;
  onChange(next: FeedConfig): void;
}

function Select<K extends keyof FeedConfig>({ label, field, options, feed, onChange, disabled }: { label: string; field: K; options: FeedConfig[K][]; feed: FeedConfig; onChange(next: FeedConfig): void; disabled: boolean }) {
  return (
    <label className="lab-mini">
      {label}
      <select value={String(feed[field])} disabled={disabled} onChange={(e) => onChange({ ...feed, [field]: e.target.value })} data-testid={`lab-${String(field)}`}>
        {options.map((o) => <option key={String(o)} value={String(o)}>{String(o)}</option>)}
      </select>
    </label>
  );
}

/** How one model input gets its values: random of the right type, an image, or JSON; and its concrete shape. */
export function FeedEditor({ input, feed, disabled, onChange }: Props) {
  const text = (field: 'shape' | 'mean' | 'std', label: string, wide = false) => (
    <label className={`lab-mini${wide ? ' grow' : ''}`}>
      {label}
      <input value={feed[field]} disabled={disabled} spellCheck={false} onChange={(e) => onChange({ ...feed, [field]: e.target.value })} data-testid={`lab-${field}`} />
    </label>
  );
  return (
    <fieldset className="lab-feed" data-testid={`lab-feed-${input.name}`} data-name={input.name}>
      <legend>
        <span className="mono">{input.name}</span> <span className="muted small">{input.type} {formatShape(input.shape)}</span>
      </legend>
      <div className="lab-row">
        <Select label="Values" field="source" options={['random', 'image', 'json']} feed={feed} onChange={onChange} disabled={disabled} />
        {text('shape', 'Shape', true)}
      </div>
      {feed.source === 'image' && (
        <div className="lab-row">
          <Select label="Layout" field="layout" options={['NCHW', 'NHWC']} feed={feed} onChange={onChange} disabled={disabled} />
          <Select label="Channels" field="order" options={['RGB', 'BGR']} feed={feed} onChange={onChange} disabled={disabled} />
          <Select label="Scale" field="range" options={['0-1', '0-255']} feed={feed} onChange={onChange} disabled={disabled} />
          {text('mean', 'Mean')}
          {text('std', 'Std')}
        </div>
      )}
      {feed.source === 'json' && (
        <textarea
          className="lab-json mono"
          rows={3}
          value={feed.json}
          disabled={disabled}
          placeholder="[[1, 2, 3]] — a number or nested arrays, as many values as the shape holds"
          onChange={(e) => onChange({ ...feed, json: e.target.value })}
          data-testid="lab-json"
        />
      )}
    </fieldset>
  );
}
