import { ImageInput } from '../../ui/kit/ImageInput/ImageInput';
import { sampleImage } from '../../ui/kit/ImageInput/image-value';
import type { InputProps } from '../types';
import { FeedEditor } from './FeedEditor';
import { ModelInfo } from './ModelInfo';
import { ModelSource } from './ModelSource';
import { defaultFeed, type LabModel, type LabValue } from './lab-value';
import { own } from '../../protocol/own';
import { useEffect } from 'react';
import { warmFonts } from '../../ui/font-warm';
import { FieldError } from '../../ui/kit/FieldError/FieldError';

// LabOutput's fonts, laid out while the user sets up the run rather than as its first result appears (font-warm.ts).
const OUTPUT_FONTS = [['p.muted.small', 'strong'], ['article.lab-tensor', 'header', 'strong.mono'], ['span.mono.muted'], ['span.muted.small'], ['dl.lab-facts', 'div', 'dt'], ['dl.lab-facts', 'div', 'dd'], ['p.mono.small'], ['figcaption.muted.small'], ['table.lab-table', 'caption'], ['table.lab-table', 'thead', 'tr', 'th']];

export function LabInput({ value, onChange, error, disabled, onRun, caps }: InputProps<LabValue>) {
  const model = value.model;
  useEffect(() => warmFonts(OUTPUT_FONTS), []);
  const setModel = (next: LabModel) => {
    const feeds = Object.fromEntries(next.info.inputs.map((input) => [input.name, defaultFeed(input)]));
    onChange({ ...value, model: next, feeds, action: 'run', image: value.image ?? sampleImage('coffee.png') });
  };
  const usesImage = model?.info.inputs.some((input) => own(value.feeds, input.name)?.source === 'image');
  return (
    <div className="lab-input">
      <ModelSource model={model} url={value.url} disabled={disabled} onUrl={(url) => onChange({ ...value, url })} onModel={setModel} />
      {model && (
        <>
          <ModelInfo
            info={model.info}
            size={model.size}
            disabled={disabled}
            caps={caps}
            onCheckProviders={() => {
              onChange({ ...value, action: 'providers' });
              onRun?.();
            }}
          />
          <h3 className="lab-heading">Inputs to feed</h3>
          {model.info.inputs.length === 0 && <p className="muted">This model takes no inputs.</p>}
          {model.info.inputs.map((input) => (
            <FeedEditor
              key={`${model.key}-${input.name}`}
              input={input}
              feed={own(value.feeds, input.name) ?? defaultFeed(input)}
              disabled={disabled}
              onChange={(feed) => onChange({ ...value, feeds: { ...value.feeds, [input.name]: feed } })}
            />
          ))}
          {usesImage && <ImageInput value={value.image} onChange={(image) => onChange({ ...value, image })} disabled={disabled} />}
          <label className="lab-mini lab-device">
            Run on
            <select value={value.device} disabled={disabled} onChange={(e) => onChange({ ...value, device: e.target.value as LabValue['device'] })} data-testid="lab-device">
              <option value="wasm">WASM (CPU)</option>
              <option value="webgpu">WebGPU</option>
            </select>
          </label>
        </>
      )}
      <FieldError testId="lab-input-error">{error}</FieldError>
    </div>
  );
}
