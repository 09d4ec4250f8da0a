import { describe, expect, it } from 'vitest';
import { FpsMeter, cameraErrorMessage, formatFps, frameSize } from './live-camera';

describe('live camera helpers', () => {
  it('measures frames per second over a rolling window', () => {
    const meter = new FpsMeter(5);
    expect(meter.tick(0)).toBe(0);
    expect(meter.tick(250)).toBeCloseTo(4);
    for (const t of [500, 750, 1000]) meter.tick(t);
    expect(meter.value).toBeCloseTo(4);
    // The window forgets the old pace: five frames 100 ms apart read as 10 fps.
    for (const t of [1100, 1200, 1300, 1400, 1500]) meter.tick(t);
    expect(meter.value).toBeCloseTo(10);
    meter.reset();
    expect(meter.value).toBe(0);
  });

  it('formats slow rates with enough digits to stay above zero', () => {
    expect(formatFps(24.4)).toBe('24');
    expect(formatFps(3.42)).toBe('3.4');
    expect(formatFps(0.27)).toBe('0.27');
  });

  it('scales frames down to the longest side, never up', () => {
    expect(frameSize(1280, 720)).toEqual({ width: 640, height: 360 });
    expect(frameSize(320, 240)).toEqual({ width: 320, height: 240 });
  });

  it('explains denied permission and missing cameras', () => {
    expect(cameraErrorMessage({ name: 'NotAllowedError' })).toMatch(/denied/);
    expect(cameraErrorMessage({ name: 'NotFoundError' })).toMatch(/No camera was found/);
    expect(cameraErrorMessage(new Error('boom'))).toMatch(/boom/);
  });
});
