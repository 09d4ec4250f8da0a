import { memo, useId } from 'react';
import type { ParamSpec, Params } from '../../../tasks/types';

interface Props {
  specs: ParamSpec[];
  values: Params;
  onChange(next: Params): void;
  hidden?: string[];
}

interface ControlProps {
  spec: ParamSpec;
  value: number | boolean;
  inactive: boolean;
  onChange(v: number | boolean): void;
}

function ParamControl({ spec, value, inactive, onChange }: ControlProps) {
  const id = useId();
  if (spec.kind === 'toggle') {
    return (
      <label className="param toggle" htmlFor={id} title={spec.help}>
        <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} data-testid={`param-${spec.key}`} />
        {spec.label}
      </label>
    );
  }
  return (
    <div className={`param${inactive ? ' inactive' : ''}`} title={inactive ? 'Only used when sampling is on' : spec.help}>
      <label htmlFor={id}>
        {spec.label} <output>{String(value)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={spec.min}
        max={spec.max}
        step={spec.step}
        value={Number(value)}
        onChange={(e) => onChange(Number(e.target.value))}
        disabled={inactive}
        data-testid={`param-${spec.key}`}
      />
    </div>
  );
}

export const ParamsPanel = memo(function ParamsPanel({ specs, values, onChange, hidden = [] }: Props) {
  const shown = specs.filter((spec) => !hidden.includes(spec.key));
  if (shown.length === 0) return null;
  return (
    <fieldset className="params">
      <legend>Settings</legend>
      {shown.map((spec) => (
        <ParamControl
          key={spec.key}
          spec={spec}
          value={values[spec.key] ?? spec.default}
          inactive={spec.activeWhen !== undefined && !values[spec.activeWhen]}
          onChange={(v) => onChange({ ...values, [spec.key]: v })}
        />
      ))}
    </fieldset>
  );
});
