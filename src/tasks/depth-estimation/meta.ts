import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'depth-estimation',
  label: 'Depth estimation',
  group: 'Vision',
  summary: 'Guesses how far away each part of a picture is, from a single photo, and shows it as a colour map.',
  models: [
    { id: 'onnx-community/depth-anything-v2-small', note: 'Depth Anything V2 small: sharp relative depth', sizeMB: 27 },
    { id: 'Xenova/depth-anything-small-hf', note: 'Depth Anything (v1) small', sizeMB: 27 },
    { id: 'Xenova/dpt-hybrid-midas', note: 'DPT hybrid MiDaS; larger', sizeMB: 125 },
    { id: 'tiny-random/dpt-depth', note: 'random-weight DPT test fixture (local mirror)', sizeMB: 0.2 },
  ],
  params: [],
};
