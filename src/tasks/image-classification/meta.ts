import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'image-classification',
  label: 'Image classification',
  group: 'Vision',
  summary: 'Names what is in a picture, with the model’s confidence for its top guesses.',
  models: [
    { id: 'Xenova/vit-base-patch16-224', note: 'ViT-Base on ImageNet-1k (1000 classes)', sizeMB: 88 },
    { id: 'Xenova/mobilevit-small', note: 'Mobile-friendly ImageNet classifier', sizeMB: 6 },
    { id: 'onnxmodelzoo/mobilenetv2-12-int8', note: 'MobileNet V2 int8 from the ONNX Model Zoo (mirror)', sizeMB: 3.7 },
  ],
  params: [{ key: 'top_k', label: 'Top-k', kind: 'range', min: 1, max: 20, step: 1, default: 5 }],
};
