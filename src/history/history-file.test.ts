import { describe, expect, it } from 'vitest';
import { HistoryFileError, exportHistory, parseHistory } from './history-file';
import type { HistoryRecord } from './record';

const record = (over: Partial<HistoryRecord> = {}): HistoryRecord => ({
  id: 'a',
  time: 1_700_000_000_000,
  task: 'text-classification',
  model: 'fixtures/potion-base-4M-sentiment-anchors',
  host: 'http://127.0.0.1:8305/',
  revision: 'main',
  dtypeChoice: 'auto',
  deviceChoice: 'auto',
  params: { topk: 2 },
  input: 'I love this movie',
  inputText: 'I love this movie',
  status: 'done',
  output: [{ label: 'POSITIVE', score: 0.99 }],
  stats: { latencyMs: 3 },
  ...over,
});

describe('history file', () => {
  it('round-trips records with pictures and typed arrays', async () => {
    const picture = new Blob([new Uint8Array([1, 2, 3, 250])], { type: 'image/png' });
    const runs = [
      record(),
      record({ id: 'b', input: { kind: 'stored-image', name: 'cat.png', original: picture, thumbnail: picture }, output: { data: new Float32Array([0.5, -1.25]) } }),
    ];
    const back = parseHistory(await exportHistory(runs));
    expect(back[0]).toEqual(runs[0]);
    const image = back[1].input as { original: Blob; name: string };
    expect(image.name).toBe('cat.png');
    expect([...new Uint8Array(await image.original.arrayBuffer())]).toEqual([1, 2, 3, 250]);
    expect(image.original.type).toBe('image/png');
    expect((back[1].output as { data: Float32Array }).data).toEqual(new Float32Array([0.5, -1.25]));
    expect(back[1].inputText).toBe('cat.png');
  });

  it.each([
    ['not JSON', '{"format":', /not JSON/],
    ['a foreign file', JSON.stringify({ runs: [] }), /not a Model Playground history file/],
    ['a newer version', JSON.stringify({ format: 'model-playground-history', version: 9, runs: [] }), /version 9/],
    ['no runs list', JSON.stringify({ format: 'model-playground-history', version: 1 }), /no list of runs/],
  ])('refuses %s with a message', (_name, text, message) => {
    expect(() => parseHistory(text)).toThrow(HistoryFileError);
    expect(() => parseHistory(text)).toThrow(message);
  });

  it('names the first damaged run', async () => {
    const data = JSON.parse(await exportHistory([record(), record({ id: 'b' })])) as { runs: Record<string, unknown>[] };
    delete data.runs[1].stats;
    expect(() => parseHistory(JSON.stringify(data))).toThrow('Run 2 of the file is done but has no "stats"');
  });
});
