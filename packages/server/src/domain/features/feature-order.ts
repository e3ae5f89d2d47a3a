import { type SQL, sql } from 'drizzle-orm';
import { featureDemand } from '../../db/schema/feature-demand';
import { features } from '../../db/schema/features';
import { cursorAfter, cursorKey, invalidCursor, keyset, type Sort } from '../../http/pagination';
import type { FeatureSort } from './feature-service';

type FeatureRow = typeof features.$inferSelect;
type DemandRow = typeof featureDemand.$inferSelect;

/** How one page of a product's features is ordered and where it starts. */
export interface FeatureOrder {
  where: SQL | undefined;
  orderBy: SQL[];
  cursorAfter(row: FeatureRow, demand: DemandRow | null): string;
}

// Each named order keeps the direction a reader expects: most demanded and newest first, rank and title from the top.
const sorts: Record<Exclude<FeatureSort, 'demand'>, Sort<string>> = {
  rank: { field: 'rank', direction: 'asc' },
  title: { field: 'title', direction: 'asc' },
  createdAt: { field: 'createdAt', direction: 'desc' },
};
const demandSort: Sort<string> = { field: 'demand', direction: 'desc' };
const demandScore = sql`coalesce(${featureDemand.score}, 0)`;

/**
 * Most demanded first, then in rank order: the cursor carries the demand score and the rank (as `score rank`, a rank
 * being letters and digits only) beside the id, and is refused with a 400 naming `cursor` when either does not parse.
 */
function byDemand(cursor: string | undefined): FeatureOrder {
  const orderBy = [sql`${demandScore} desc`, sql`${features.rank} asc`, sql`${features.id} asc`];
  const after = cursorKey(demandSort, cursor);
  let where: SQL | undefined;
  if (after !== undefined) {
    const parts =
      typeof after.key === 'string'
        ? /^(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?) ([0-9A-Za-z]*)$/.exec(after.key)
        : null;
    const score = Number(parts?.[1]);
    if (!parts || !Number.isFinite(score)) throw invalidCursor();
    const rank = parts[2] ?? '';
    where = sql`(${demandScore} < ${score} or (${demandScore} = ${score} and (${features.rank}, ${features.id}) > (${rank}, ${after.id})))`;
  }
  return {
    where,
    orderBy,
    cursorAfter: (row, demand) => cursorAfter(demandSort, `${demand?.score ?? 0} ${row.rank}`, row.id),
  };
}

/** The order, the condition after `cursor` and the next cursor of a page of features sorted by `sort`. */
export function featureOrder(sort: FeatureSort, cursor: string | undefined): FeatureOrder {
  if (sort === 'demand') return byDemand(cursor);
  const chosen = sorts[sort];
  const column = { rank: features.rank, title: features.title, createdAt: features.createdAt }[sort];
  const page = keyset(column, features.id, chosen, cursor);
  return {
    ...page,
    cursorAfter: (row) => cursorAfter(chosen, row[sort], row.id),
  };
}
