import { useState, type ReactNode } from 'react';
import type { InputProps } from '../types';
import { ImageInput } from '../../ui/kit/ImageInput/ImageInput';
import { readImageFile } from '../../ui/kit/ImageInput/image-value';
import type { ImagePayload, ImageTaskInput } from './image-contract';
import { LiveCamera } from '../../ui/kit/LiveCamera/LiveCamera';
import './vision.css';

interface Props<O> extends InputProps<ImageTaskInput, O, ImagePayload> {
  draw(ctx: CanvasRenderingContext2D, output: O, width: number, height: number): void;
  summary?(output: O): ReactNode;
}

/** An image task's input with a second source: the live camera. */
export function ImageOrCamera<O>({ value, onChange, error, disabled, draw, summary, live }: Props<O>) {
  const [source, setSource] = useState<'image' | 'camera'>('image');
  const keepFrame = async (blob: Blob) => {
    onChange(await readImageFile(new File([blob], 'camera-frame.png', { type: 'image/png' })));
    setSource('image');
  };
  return (
    <>
      <div className="source-tabs" role="group" aria-label="Input source">
        <button type="button" aria-pressed={source === 'image'} onClick={() => setSource('image')} data-testid="source-image">
          Image
        </button>
        <button type="button" aria-pressed={source === 'camera'} onClick={() => setSource('camera')} data-testid="source-camera">
          Camera
        </button>
      </div>
      {source === 'image' ? (
        <ImageInput value={value} onChange={onChange} error={error} disabled={disabled} />
      ) : (
        <LiveCamera draw={draw} summary={summary} onSnapshot={(blob) => void keepFrame(blob)} live={live} />
      )}
    </>
  );
}
