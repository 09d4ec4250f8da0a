import { describe, expect, it } from 'vitest';
import { chooseDevice, wasmThreads } from './device-probe';
import type { Capabilities } from '../protocol/messages';

const caps = (webgpu: Partial<Capabilities['webgpu']>): Capabilities => ({
  webgpu: { available: false, fallbackAdapter: false, shaderF16: false, ...webgpu },
  crossOriginIsolated: true,
  threads: 2,
});

describe('chooseDevice', () => {
  it('uses WebGPU on auto when a hardware adapter exists', () => {
    expect(chooseDevice('auto', caps({ available: true }))).toEqual({ device: 'webgpu' });
  });
  it('prefers WASM over a software WebGPU adapter on auto, and says why', () => {
    const choice = chooseDevice('auto', caps({ available: true, fallbackAdapter: true }));
    expect(choice.device).toBe('wasm');
    expect(choice.reason).toMatch(/software fallback/);
  });
  it('honours an explicit WebGPU choice even on a software adapter', () => {
    expect(chooseDevice('webgpu', caps({ available: true, fallbackAdapter: true }))).toEqual({ device: 'webgpu' });
  });
  it('falls back to WASM with the reason when WebGPU is missing', () => {
    const choice = chooseDevice('webgpu', caps({ reason: 'navigator.gpu is missing' }));
    expect(choice).toEqual({ device: 'wasm', reason: 'WebGPU unavailable: navigator.gpu is missing' });
  });
  it('never reports a fallback when WASM was asked for', () => {
    expect(chooseDevice('wasm', caps({ available: true }))).toEqual({ device: 'wasm' });
  });
});

describe('wasmThreads', () => {
  it('is one thread without cross-origin isolation', () => expect(wasmThreads(false, 8)).toBe(1));
  it('uses the cores, capped at 4, when isolated', () => {
    expect(wasmThreads(true, 2)).toBe(2);
    expect(wasmThreads(true, 16)).toBe(4);
    expect(wasmThreads(true, 16, 1)).toBe(1);
    expect(wasmThreads(true, 2, 3)).toBe(2);
  });
});
