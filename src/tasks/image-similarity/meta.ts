import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'image-similarity',
  pipeline: 'image-feature-extraction',
  label: 'Image similarity search',
  group: 'Vision',
  summary: 'Indexes a set of pictures once, then ranks them by likeness to a picture or, with CLIP, to a text you type.',
  models: [
    { id: 'Xenova/clip-vit-base-patch32', note: 'OpenAI CLIP ViT-B/32: query by picture or by text (512-d)', sizeMB: 150, arch: 'clip', license: 'mit' },
    { id: 'Xenova/clip-vit-base-patch16', note: 'CLIP ViT-B/16: finer detail, slower to index', sizeMB: 150, arch: 'clip', license: 'mit' },
    { id: 'tiny-random/clip-image-similarity', note: 'random-weight two-tower CLIP test fixture (local mirror)', sizeMB: 0.2 },
  ],
  params: [{ key: 'top_k', label: 'Results shown', kind: 'range', min: 1, max: 50, step: 1, default: 10, help: 'How many of the indexed pictures to list' }],
  viewParams: ['top_k'],
};
