import { CancelledError, ModelNotFoundError } from '../../protocol/errors';
import type { LoadedPipeline } from '../../runtime/types';
import { downloadAll, sessionsOnDevice } from '../../runtime/ort-load';
import { ort, type OrtSession } from '../../runtime/ort-session';
import type { TaskRunner } from '../types';
import type { Line, Output, WorkerInput } from './types';
import { ctcDecode, parseDictionary } from './ctc';
import { dbBoxes, detectionSize, readingOrder, type Rect, type ScoredRect } from './db-boxes';
import { BUNDLED_OCR_MODEL } from './meta';
import { OCR_FILES } from './model-files';
import { decodeImage, pixels, toBgrChw } from './ocr-image';

interface OcrModels {
  detection: OrtSession;
  recognition: OrtSession;
  charset: string[];
  dispose(): Promise<void>;
}

// PaddleOCR's preprocessing: ImageNet mean/std for detection, [-1, 1] for recognition; lines are read at height 48.
const DET_MEAN = [0.485, 0.456, 0.406];
const DET_STD = [0.229, 0.224, 0.225];
const REC_MEAN = [0.5, 0.5, 0.5];
const REC_STD = [0.5, 0.5, 0.5];
const REC_HEIGHT = 48;
const REC_MIN_WIDTH = 320;
const REC_MAX_WIDTH = 3200;

async function single(session: OrtSession, data: Float32Array, dims: number[]): Promise<ort.Tensor> {
  const results = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', data, dims) });
  return results[session.outputNames[0]] as ort.Tensor;
}

async function detect(models: OcrModels, image: ImageBitmap, params: Record<string, number | boolean>): Promise<ScoredRect[]> {
  const size = detectionSize(image.width, image.height);
  const rgba = pixels(image, { x0: 0, y0: 0, x1: image.width, y1: image.height }, size.width, size.height);
  const map = await single(models.detection, toBgrChw(rgba, size.width, size.height, DET_MEAN, DET_STD), [1, 3, size.height, size.width]);
  const [, , mapH, mapW] = map.dims;
  const boxes = dbBoxes(map.data as Float32Array, mapW, mapH, {
    threshold: 0.3,
    boxThreshold: Number(params.boxThreshold ?? 0.6),
    unclipRatio: Number(params.unclipRatio ?? 1.5),
  });
  const sx = image.width / mapW;
  const sy = image.height / mapH;
  return readingOrder(boxes.map((b) => ({ x0: b.x0 * sx, y0: b.y0 * sy, x1: b.x1 * sx, y1: b.y1 * sy, score: b.score })));
}

async function recognise(models: OcrModels, image: ImageBitmap, box: Rect): Promise<{ text: string; confidence: number }> {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const width = Math.min(REC_MAX_WIDTH, Math.max(8, Math.ceil((REC_HEIGHT * w) / h)));
  const tensorWidth = Math.max(REC_MIN_WIDTH, width);
  const rgba = pixels(image, box, width, REC_HEIGHT);
  const out = await single(models.recognition, toBgrChw(rgba, width, REC_HEIGHT, REC_MEAN, REC_STD, tensorWidth), [1, 3, REC_HEIGHT, tensorWidth]);
  const [, steps, classes] = out.dims;
  return ctcDecode(out.data as Float32Array, steps, classes, models.charset);
}

const runner: TaskRunner<WorkerInput, Output, never, OcrModels> = {
  async load(spec, ctx): Promise<LoadedPipeline> {
    if (spec.model !== BUNDLED_OCR_MODEL) {
      throw new ModelNotFoundError(
        `OCR runs the PP-OCRv4 models bundled with the app; "${spec.model}" is not one of them.`,
        `Choose ${BUNDLED_OCR_MODEL}.`,
      );
    }
    const files = await downloadAll(OCR_FILES, ctx);
    const bytes = files.detection.length + files.recognition.length + files.dictionary.length;
    const charset = parseDictionary(new TextDecoder().decode(files.dictionary));
    const { sessions, device, fallbackReason } = await sessionsOnDevice(spec, { detection: files.detection, recognition: files.recognition }, ctx);
    const models: OcrModels = {
      ...sessions,
      charset,
      dispose: async () => {
        await sessions.detection.release();
        await sessions.recognition.release();
      },
    };
    return { pipe: models, device, dtype: 'fp32', bytes, fromCache: false, fallbackReason };
  },
  async inspect() {
    return { available: ['fp32'], configDtype: 'fp32' };
  },
  async warmup(pipe) {
    const models = pipe;
    await single(models.detection, new Float32Array(3 * 64 * 64), [1, 3, 64, 64]);
    await single(models.recognition, new Float32Array(3 * REC_HEIGHT * 64), [1, 3, REC_HEIGHT, 64]);
  },
  async run({ pipe, input, params, interrupted }) {
    const models = pipe;
    const image = await decodeImage(input?.image);
    try {
      const t0 = performance.now();
      const boxes = await detect(models, image, params);
      const t1 = performance.now();
      const lines: Line[] = [];
      for (const { score, ...box } of boxes) {
        if (interrupted()) throw new CancelledError('Stopped by the user.');
        lines.push({ ...(await recognise(models, image, box)), boxScore: score, box });
      }
      const output: Output = {
        width: image.width,
        height: image.height,
        detectedAt: detectionSize(image.width, image.height),
        lines,
        detectMs: t1 - t0,
        recogniseMs: performance.now() - t1,
      };
      return { output };
    } finally {
      image.close();
    }
  },
};
export default runner;
