import { describe, expect, it } from 'vitest';
import { FLORENCE_TASKS, florenceTaskInfo, readFlorenceAnswer } from './florence';
import { isFlorence } from './family';
import { isImageProblem } from './VlmInput';

describe('readFlorenceAnswer', () => {
  it('reads a text answer', () => {
    expect(readFlorenceAnswer('<CAPTION>', { '<CAPTION>': ' A cat on a sofa. ' }, 'raw')).toEqual({ kind: 'text', text: 'A cat on a sofa.' });
  });

  it('reads labelled boxes, ordering corners whatever order the model wrote them in', () => {
    const parsed = { '<OD>': { labels: ['cat', ''], bboxes: [[10, 20, 110, 220], [300, 40, 200, 10]] } };
    expect(readFlorenceAnswer('<OD>', parsed, 'raw')).toEqual({
      kind: 'boxes',
      boxes: [
        { label: 'cat', box: { xmin: 10, ymin: 20, xmax: 110, ymax: 220 } },
        { label: 'region 2', box: { xmin: 200, ymin: 10, xmax: 300, ymax: 40 } },
      ],
    });
  });

  it('draws OCR quads as their bounding boxes', () => {
    const parsed = { '<OCR_WITH_REGION>': { labels: ['STOP'], quad_boxes: [[10, 10, 50, 12, 48, 30, 9, 28]] } };
    expect(readFlorenceAnswer('<OCR_WITH_REGION>', parsed, 'raw')).toEqual({ kind: 'boxes', boxes: [{ label: 'STOP', box: { xmin: 9, ymin: 10, xmax: 50, ymax: 30 } }] });
  });

  it('skips malformed boxes and falls back to the raw text for an unknown shape', () => {
    const parsed = { '<OD>': { labels: ['a', 'b'], bboxes: [[1, 2, 3], [1, 2, Number.NaN, 4]] } };
    expect(readFlorenceAnswer('<OD>', parsed, 'raw')).toEqual({ kind: 'boxes', boxes: [] });
    expect(readFlorenceAnswer('<OD>', { '<OD>': 42 }, '</s>x')).toEqual({ kind: 'text', text: '</s>x' });
    expect(readFlorenceAnswer('<OD>', undefined, 'x')).toEqual({ kind: 'text', text: 'x' });
  });
});

describe('Florence-2 task list and model detection', () => {
  it('knows its prompts; only grounding needs a phrase', () => {
    expect(florenceTaskInfo('<OD>')?.label).toBe('Object detection');
    expect(florenceTaskInfo('<NOPE>')).toBeUndefined();
    expect(FLORENCE_TASKS.filter((t) => 'needsText' in t).map((t) => t.task)).toEqual(['<CAPTION_TO_PHRASE_GROUNDING>']);
  });

  it('shows the task picker by the model\'s own config once checked, by its id until then', () => {
    expect(isFlorence('onnx-community/Florence-2-base-ft', undefined)).toBe(true);
    expect(isFlorence('tiny-random/florence2-tasks', undefined)).toBe(true);
    expect(isFlorence('HuggingFaceTB/SmolVLM-256M-Instruct', undefined)).toBe(false);
    // A Florence-2 under another name, and a chat model whose name says Florence.
    expect(isFlorence('me/my-captioner', 'florence2')).toBe(true);
    expect(isFlorence('me/florence-chat', 'idefics3')).toBe(false);
  });


  it('puts picture problems next to the picture and question problems next to the question', () => {
    expect(isImageProblem('No image was given.')).toBe(true);
    expect(isImageProblem('This file could not be decoded as an image (type text/plain).')).toBe(true);
    expect(isImageProblem('There is no question about the picture.')).toBe(false);
    expect(isImageProblem('Type a question about the picture first.')).toBe(false);
    expect(isImageProblem('Find phrases (grounding) needs a phrase to look for.')).toBe(false);
  });
});
