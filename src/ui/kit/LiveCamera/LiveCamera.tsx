import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ImagePayload } from '../../../tasks/shared/image-contract';
import type { LiveRunner } from '../../../tasks/types';
import { FpsMeter, NO_CAMERA_API, cameraErrorMessage, formatFps, frameSize } from './live-camera';
import { FieldError } from '../FieldError/FieldError';

export interface LiveResult<O> {
  output: O;
  width: number;
  height: number;
}

interface Props<O> {
  /** Draws a result over the frame it came from (the canvas has the frame's size). */
  draw(ctx: CanvasRenderingContext2D, output: O, width: number, height: number): void;
  /** A text summary of the latest result, under the video. */
  summary?(output: O): ReactNode;
  /** Keeps the current frame as a picture. */
  onSnapshot(image: Blob): void;
  live: LiveRunner<ImagePayload, O>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function grab(video: HTMLVideoElement): { canvas: HTMLCanvasElement; width: number; height: number } {
  const { width, height } = frameSize(video.videoWidth, video.videoHeight);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(video, 0, 0, width, height);
  return { canvas, width, height };
}

const toBlob = (canvas: HTMLCanvasElement, type: string) =>
  new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The frame could not be encoded.'))), type, 0.9));

/**
 * Camera input with continuous inference: each frame goes to the model only when the previous result
 * has come back, so nothing queues up and the readout is the real end-to-end rate.
 */
export function LiveCamera<O>({ draw, summary, onSnapshot, live }: Props<O>) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const session = useRef<{ stopped: boolean; stream?: MediaStream }>(undefined);
  const [status, setStatus] = useState<'off' | 'starting' | 'live'>('off');
  const [error, setError] = useState<string>();
  const [frames, setFrames] = useState(0);
  const [fps, setFps] = useState(0);
  const [result, setResult] = useState<LiveResult<O>>();

  const stop = () => {
    const current = session.current;
    if (current) {
      current.stopped = true;
      current.stream?.getTracks().forEach((track) => track.stop());
    }
    session.current = undefined;
    if (videoRef.current) videoRef.current.srcObject = null;
    setStatus('off');
  };
  useEffect(() => stop, []);

  useEffect(() => {
    const canvas = overlayRef.current;
    if (!canvas || !result) return;
    canvas.width = result.width;
    canvas.height = result.height;
    const ctx = canvas.getContext('2d')!;
    ctx.clearRect(0, 0, result.width, result.height);
    draw(ctx, result.output, result.width, result.height);
  }, [result, draw]);

  const loop = async (current: { stopped: boolean }, video: HTMLVideoElement) => {
    const meter = new FpsMeter();
    let count = 0;
    while (!current.stopped) {
      // A Run started from the button gets the model to itself; frames resume after it.
      if (video.readyState < 2 || !video.videoWidth || live.busy()) {
        await sleep(60);
        continue;
      }
      try {
        const frame = grab(video);
        const blob = await toBlob(frame.canvas, 'image/jpeg');
        const output = await live.run({ image: blob, name: 'camera frame' });
        if (current.stopped) break;
        count += 1;
        setFrames(count);
        setFps(meter.tick(performance.now()));
        setResult({ output, width: frame.width, height: frame.height });
      } catch (problem) {
        if (current.stopped) break;
        setError((problem as Error).message || 'The model could not run on the camera frame.');
        stop();
        break;
      }
    }
  };

  const start = async () => {
    setError(undefined);
    setFrames(0);
    setFps(0);
    setResult(undefined);
    if (!navigator.mediaDevices?.getUserMedia) {
      setError(NO_CAMERA_API);
      return;
    }
    const current: { stopped: boolean; stream?: MediaStream } = { stopped: false };
    session.current = current;
    setStatus('starting');
    try {
      current.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' }, width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
      if (current.stopped) return current.stream.getTracks().forEach((track) => track.stop());
      const video = videoRef.current!;
      video.srcObject = current.stream;
      await video.play();
      setStatus('live');
      void loop(current, video);
    } catch (problem) {
      stop();
      setError(cameraErrorMessage(problem));
    }
  };

  const snapshot = async () => {
    const video = videoRef.current;
    if (!video?.videoWidth) return;
    const { canvas } = grab(video);
    onSnapshot(await toBlob(canvas, 'image/png'));
    stop();
  };

  const on = status !== 'off';
  return (
    <div className="field camera" data-testid="live-camera" data-status={status}>
      <div className="camera-stage" hidden={!on}>
        <video ref={videoRef} muted playsInline data-testid="camera-video" />
        <canvas ref={overlayRef} data-testid="camera-overlay" />
      </div>
      <div className="vision-toolbar">
        {on ? (
          <>
            <button type="button" className="danger small-button" onClick={stop} data-testid="camera-stop">
              Stop camera
            </button>
            <button type="button" className="secondary small-button" onClick={() => void snapshot()} disabled={status !== 'live'} data-testid="camera-snapshot">
              Use this frame
            </button>
          </>
        ) : (
          <button type="button" className="small-button" onClick={() => void start()} data-testid="camera-start">
            Start camera
          </button>
        )}
        <span className="camera-stats" aria-live="off">
          <span>
            <strong data-testid="camera-fps" data-fps={fps.toFixed(3)}>
              {formatFps(fps)}
            </strong>{' '}
            fps
          </span>
          <span className="muted" data-testid="camera-frames" data-frames={frames}>
            {frames} frames
          </span>
        </span>
      </div>
      {status === 'starting' && <p className="muted small">Waiting for the camera…</p>}
      {!on && !error && <p className="field-note">Runs the model on the camera continuously; each frame is sent as soon as the previous result is back.</p>}
      <FieldError testId="camera-error">{error}</FieldError>
      {result && summary && <div data-testid="camera-summary">{summary(result.output)}</div>}
    </div>
  );
}
