import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'zero-shot-object-detection',
  label: 'Zero-shot object detection',
  group: 'Vision',
  summary: 'Finds what you type in a picture, with no training: OWL-ViT matches each phrase against every region and boxes the matches.',
  models: [
    { id: 'Xenova/owlvit-base-patch32', note: 'OWL-ViT B/32: open-vocabulary detection, 768 px', sizeMB: 155, arch: 'owlvit', license: 'apache-2.0' },
    { id: 'onnx-community/owlv2-base-patch16-ensemble', note: 'OWLv2 B/16: better recall, 960 px, much slower', sizeMB: 160, arch: 'owlv2', license: 'apache-2.0' },
    { id: 'tiny-random/owlvit-zero-shot-detection', note: 'random-weight OWL-ViT test fixture (local mirror)', sizeMB: 0.1 },
  ],
  params: [
    {
      key: 'threshold',
      label: 'Score threshold',
      kind: 'range',
      min: 0.05,
      max: 0.99,
      step: 0.01,
      default: 0.1,
      help: 'OWL-ViT scores each phrase on its own (sigmoid): real matches often score only 0.1–0.3',
    },
  ],
  viewParams: ['threshold'],
};
