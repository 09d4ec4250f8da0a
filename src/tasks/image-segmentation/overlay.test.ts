import { describe, expect, it } from 'vitest';
import { colorFor, hexToRgb } from '../shared/draw';
import { labelAt, paintSegments } from './overlay';
import type { Segment } from './types';

const seg = (label: string, mask: number[]): Segment => ({ label, score: null, mask: Uint8Array.from(mask), area: 0 });

describe('segmentation overlay', () => {
  const segments = [seg('sky', [255, 255, 0, 0]), seg('tree', [0, 255, 255, 0])];

  it('paints each visible segment in its colour, later ones on top', () => {
    const rgba = paintSegments(segments, new Set(), 0.5, 4);
    expect([...rgba.slice(0, 3)]).toEqual(hexToRgb(colorFor('sky')));
    expect(rgba[3]).toBe(128);
    expect([...rgba.slice(4, 7)]).toEqual(hexToRgb(colorFor('tree')));
    expect(rgba[15]).toBe(0);
  });

  it('leaves hidden labels out', () => {
    const rgba = paintSegments(segments, new Set(['tree']), 1, 4);
    expect([...rgba.slice(4, 8)]).toEqual([...hexToRgb(colorFor('sky')), 255]);
    expect(rgba[11]).toBe(0);
  });

  it('names the topmost visible label under a pixel', () => {
    expect(labelAt(segments, new Set(), 1)).toBe('tree');
    expect(labelAt(segments, new Set(['tree']), 1)).toBe('sky');
    expect(labelAt(segments, new Set(), 3)).toBeUndefined();
  });
});
