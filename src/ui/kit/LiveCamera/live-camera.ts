// Pure pieces of the live camera: the frames-per-second meter, frame sizing and error wording.

/** Frames per second over the last `window` results (a rolling window, so it tracks changes quickly). */
export class FpsMeter {
  private times: number[] = [];
  constructor(private readonly window = 10) {}
  tick(now: number): number {
    this.times.push(now);
    if (this.times.length > this.window) this.times.shift();
    return this.value;
  }
  get value(): number {
    const n = this.times.length;
    if (n < 2) return 0;
    const span = this.times[n - 1] - this.times[0];
    return span > 0 ? ((n - 1) * 1000) / span : 0;
  }
  reset(): void {
    this.times = [];
  }
}

/** The frame size sent to the model: the video's, scaled so its longest side is at most `max`. */
export function frameSize(width: number, height: number, max = 640): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** What went wrong with getUserMedia, and what to do, in the user's terms. */
export function cameraErrorMessage(error: unknown): string {
  const name = (error as { name?: string } | undefined)?.name ?? '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera access was denied. Allow the camera for this site (the camera icon in the address bar, or the browser’s site settings), then press Start camera again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Connect a camera, or use a picture instead.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera could not be started: another application may be using it.';
    default:
      return `The camera could not be started${(error as Error)?.message ? `: ${(error as Error).message}` : '.'}`;
  }
}

export const NO_CAMERA_API = 'This browser offers no camera access on this page (it needs a secure connection: HTTPS or localhost).';

/** "12", "3.4", "0.27": enough digits to read a slow rate as more than zero. */
export function formatFps(fps: number): string {
  if (fps >= 10) return fps.toFixed(0);
  if (fps >= 1) return fps.toFixed(1);
  return fps.toFixed(2);
}
