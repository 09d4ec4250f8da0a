import { describe, expect, it } from 'vitest';
import { TURBO, applyColormap, colormapGradient } from './colormap';

describe('turbo colour map', () => {
  it('runs from blue through green to dark red', () => {
    const at = (i: number) => [...TURBO.slice(i * 3, i * 3 + 3)];
    const [r0, g0, b0] = at(20);
    expect(b0).toBeGreaterThan(r0);
    expect(b0).toBeGreaterThan(g0);
    const [rm, gm, bm] = at(128);
    expect(gm).toBeGreaterThan(rm * 0.8);
    expect(gm).toBeGreaterThan(bm);
    const [r1, g1, b1] = at(255);
    expect(r1).toBeGreaterThan(g1);
    expect(r1).toBeGreaterThan(b1);
  });

  it('maps values to opaque RGBA through the LUT', () => {
    const rgba = applyColormap(new Uint8Array([0, 255]));
    expect(rgba.length).toBe(8);
    expect([...rgba.slice(0, 3)]).toEqual([...TURBO.slice(0, 3)]);
    expect(rgba[3]).toBe(255);
    expect([...rgba.slice(4, 7)]).toEqual([...TURBO.slice(765, 768)]);
  });

  it('describes itself as a CSS gradient', () => {
    expect(colormapGradient()).toMatch(/^linear-gradient\(to right, rgb\(/);
  });
});
