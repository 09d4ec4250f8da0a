// Catalog parsing and checks for recommendation (pure; used by the UI and the worker).
import type { CatalogItem } from './sample-catalog';
import { formatCount } from '../../ui/format';

const SEPARATOR = /\s+[—–-]\s+|\t/;

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'item';
}

/** One item per non-blank line: "title — description" (also " - ", " – " or a tab); a bare line is a title. */
export function parseCatalogText(text: string): CatalogItem[] {
  const seen = new Map<string, number>();
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = SEPARATOR.exec(line);
      const title = (match ? line.slice(0, match.index) : line).trim();
      const description = match ? line.slice(match.index + match[0].length).trim() : '';
      const base = `custom-${slug(title)}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { id: n === 1 ? base : `${base}-${n}`, title, description };
    });
}

/** The text embedded for an item: its title and description. */
export function itemText(item: CatalogItem): string {
  return item.description ? `${item.title}. ${item.description}` : item.title;
}

export const MAX_ITEMS = 2000;

/** The first problem with a catalog and likes, or undefined. */
export function recommendationProblem(items: readonly CatalogItem[], liked: readonly string[]): string | undefined {
  if (items.length === 0) return 'The catalog is empty: add one “title — description” per line.';
  if (items.length > MAX_ITEMS) return `The catalog has ${formatCount(items.length)} items; the limit is ${formatCount(MAX_ITEMS)}.`;
  const likedSet = new Set(liked);
  const likedCount = items.filter((item) => likedSet.has(item.id)).length;
  if (likedCount === 0) return 'Like at least one item.';
  if (likedCount === items.length) return 'Leave at least one item un-liked, so there is something to recommend.';
  return undefined;
}

/** The recommendation view's input: which catalog, the pasted one, and the liked item ids. */
export interface RecommendationInput {
  source: 'sample' | 'custom';
  customCatalog: string;
  liked: string[];
}

export function catalogOf(input: RecommendationInput, sample: CatalogItem[]): CatalogItem[] {
  return input.source === 'custom' ? parseCatalogText(input.customCatalog) : sample;
}
