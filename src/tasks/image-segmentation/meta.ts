import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'image-segmentation',
  label: 'Image segmentation',
  group: 'Vision',
  summary: 'Labels every pixel of a picture (sky, person, road, …) and draws the regions as coloured masks.',
  models: [
    { id: 'Xenova/segformer-b0-finetuned-ade-512-512', note: 'SegFormer-B0 on ADE20k scenes (150 classes); small and fast', sizeMB: 4 },
    { id: 'Xenova/segformer_b2_clothes', note: 'SegFormer-B2 for clothes and body parts (18 classes)', sizeMB: 28 },
    { id: 'Xenova/detr-resnet-50-panoptic', note: 'DETR panoptic on COCO: one mask per object', sizeMB: 44 },
    { id: 'tiny-random/segformer-segmentation', note: 'random-weight test fixture, 7 labels (local mirror)', sizeMB: 0.2 },
    { id: 'imgly/isnet-general-quint8', note: 'IS-Net saliency: one foreground mask (local mirror)', sizeMB: 44 },
  ],
  params: [{ key: 'opacity', label: 'Mask opacity', kind: 'range', min: 0, max: 1, step: 0.05, default: 0.55 }],
  viewParams: ['opacity'],
};
