import type { PlanLink } from '../../../api/plan';

/** A link with the display rows of its two tasks. */
export interface RowLink {
  link: PlanLink;
  from: number;
  to: number;
}

/** Rows per bucket of short links; a link spanning more rows than this is kept apart and always looked at. */
const linkBlock = 64;

/** Links bucketed by their upper row, so a window of rows finds its links without walking all of them. */
export interface LinkIndex {
  short: RowLink[][];
  long: RowLink[];
}

/** Buckets the links: most links join nearby rows and fall in one bucket; the few long ones are listed apart. */
export function indexLinks(links: readonly RowLink[]): LinkIndex {
  const short: RowLink[][] = [];
  const long: RowLink[] = [];
  for (const entry of links) {
    const low = Math.min(entry.from, entry.to);
    if (Math.abs(entry.from - entry.to) > linkBlock) long.push(entry);
    else {
      const bucket = Math.floor(low / linkBlock);
      const list = short[bucket] ?? [];
      list.push(entry);
      short[bucket] = list;
    }
  }
  return { short, long };
}

/**
 * The links that cross or touch the rows first to last, in a stable order (a link keeps its place among the others
 * while the window moves, so the drawn arrows are never reordered).
 */
export function linksIn(index: LinkIndex, first: number, last: number): RowLink[] {
  const out: RowLink[] = [];
  const meets = (entry: RowLink) =>
    Math.max(entry.from, entry.to) >= first && Math.min(entry.from, entry.to) <= last;
  const from = Math.max(0, Math.floor((first - linkBlock) / linkBlock));
  const to = Math.floor(last / linkBlock);
  for (let bucket = from; bucket <= to; bucket++)
    for (const entry of index.short[bucket] ?? []) if (meets(entry)) out.push(entry);
  for (const entry of index.long) if (meets(entry)) out.push(entry);
  return out;
}
