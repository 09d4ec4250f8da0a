import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'object-detection',
  label: 'Object detection',
  group: 'Vision',
  summary: 'Finds objects in a picture and draws a labelled box around each.',
  models: [
    { id: 'Xenova/yolos-tiny', note: 'YOLOS-Tiny on COCO (80 classes)', sizeMB: 7 },
    { id: 'Xenova/detr-resnet-50', note: 'DETR ResNet-50 on COCO, more accurate', sizeMB: 44 },
    { id: 'Megvii-BaseDetection/yolox-nano', note: 'YOLOX-Nano on COCO, 0.9M params (mirror)', sizeMB: 3.7 },
  ],
  params: [
    { key: 'threshold', label: 'Score threshold', kind: 'range', min: 0.1, max: 0.99, step: 0.01, default: 0.5 },
  ],
  viewParams: ['threshold'],
};
