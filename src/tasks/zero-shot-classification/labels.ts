// Candidate labels: typed as chips or as a comma-separated list, kept trimmed and free of duplicates.

/** "politics, sports,,  business" → ["politics", "sports", "business"]. */
export function parseLabels(entry: string): string[] {
  return entry
    .split(',')
    .map((label) => label.trim())
    .filter(Boolean);
}

/** Trimmed, non-empty labels without case-insensitive duplicates, first spelling kept. */
export function cleanLabels(labels: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of labels) {
    if (typeof raw !== 'string') continue;
    const label = raw.trim();
    const key = label.toLowerCase();
    if (!label || seen.has(key)) continue;
    seen.add(key);
    out.push(label);
  }
  return out;
}

/** The labels with those of a comma-separated entry added at the end. */
export function addLabels(labels: readonly string[], entry: string): string[] {
  return cleanLabels([...labels, ...parseLabels(entry)]);
}

export function removeLabel(labels: readonly string[], index: number): string[] {
  return labels.filter((_, i) => i !== index);
}

export const LABELS_MISSING = 'Add at least one candidate label.';
export const TEXT_MISSING = 'Type a text to classify.';
