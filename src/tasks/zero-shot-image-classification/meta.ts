import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'zero-shot-image-classification',
  label: 'Zero-shot image classification',
  group: 'Vision',
  summary: 'Scores a picture against labels you type, with no training: CLIP compares the picture with "a photo of {label}".',
  models: [
    { id: 'Xenova/clip-vit-base-patch32', note: 'OpenAI CLIP ViT-B/32', sizeMB: 153 },
    { id: 'Xenova/siglip-base-patch16-224', note: 'SigLIP base: each label scored on its own', sizeMB: 205 },
    { id: 'tiny-random/clip-zero-shot-image-classification', note: 'random-weight CLIP test fixture (local mirror)', sizeMB: 0.3 },
  ],
  params: [],
};
