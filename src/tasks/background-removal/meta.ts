import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'background-removal',
  label: 'Background removal',
  group: 'Vision',
  pipeline: 'background-removal',
  summary: 'Cuts the subject out of a picture and makes the background transparent, ready to download as a PNG.',
  models: [
    { id: 'Xenova/modnet', note: 'MODNet portrait matting: people, fast', sizeMB: 6.6 },
    { id: 'onnx-community/BiRefNet_lite-ONNX', note: 'BiRefNet lite: any subject, sharp edges; large', sizeMB: 115 },
    { id: 'imgly/isnet-general-quint8', note: 'IS-Net general use (same family as RMBG-1.4), any subject (local mirror)', sizeMB: 44 },
  ],
  params: [],
};
