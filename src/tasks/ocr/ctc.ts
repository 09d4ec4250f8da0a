// Greedy CTC decoding for the PP-OCR recogniser: the best class per time step, repeats merged, blanks dropped.
// Class 0 is the CTC blank, classes 1..N are the dictionary lines, and the last class is a space
// (PaddleOCR's use_space_char), which is why ppocr_keys_v1.txt's 6623 lines give 6625 classes.

export function parseDictionary(text: string): string[] {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  return ['', ...lines, ' '];
}

export interface Decoded {
  text: string;
  /** Mean probability of the characters kept (0 when none). */
  confidence: number;
}

export function ctcDecode(probs: ArrayLike<number>, steps: number, classes: number, charset: string[]): Decoded {
  let text = '';
  let sum = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestProb = -Infinity;
    const offset = t * classes;
    for (let c = 0; c < classes; c++) {
      const p = probs[offset + c];
      if (p > bestProb) {
        bestProb = p;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += charset[best] ?? '';
      sum += bestProb;
      kept++;
    }
    previous = best;
  }
  return { text: text.trim(), confidence: kept ? sum / kept : 0 };
}
