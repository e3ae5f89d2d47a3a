import type { CostCategory } from '@tandem/core';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';

/** What a project has cost up to a day: per day (for the S-curve), per kind, and the time that has no rate. */
export interface ActualCosts {
  /** Per day `YYYY-MM-DD`, the cost of that day's time and expenses, ascending. */
  perDay: { day: string; cents: number }[];
  /** Time entries at their person's standard rate. */
  labourCents: number;
  /** Expenses per category. */
  expensesByCategory: Record<CostCategory, number>;
  /** Minutes logged by people with no resource (so no rate) in the project's workspace. */
  unpricedMinutes: number;
}

interface DayRow {
  day: string;
  source: 'time' | CostCategory;
  cents: string | number;
  unpriced: string | number;
}

/**
 * The actual cost of a project up to and including `throughDay`, aggregated in SQL (one statement, grouped by day):
 * time entries at the hourly standard rate of the person's resource in the workspace (the first one when a person has
 * several), plus expenses.
 */
export async function actualCosts(
  db: Queryable,
  projectId: string,
  throughDay: string,
): Promise<ActualCosts> {
  // Grouped by day alone (a date sorts and hashes cheaply), the rate joined per entry from a handful of people.
  const { rows } = await db.execute<DayRow & Record<string, unknown>>(sql`
    with rates as (
      select distinct on (r.user_id) r.user_id, r.standard_rate_cents as rate
      from resources r
      join projects p on p.workspace_id = r.workspace_id and p.id = ${projectId}
      where r.user_id is not null and r.kind = 'person'
      order by r.user_id, r.id
    )
    select te.day::text as day, 'time' as source,
           coalesce(sum(te.minutes * rates.rate), 0) / 60.0 as cents,
           coalesce(sum(te.minutes) filter (where rates.user_id is null), 0) as unpriced
    from time_entries te left join rates on rates.user_id = te.user_id
    where te.project_id = ${projectId} and te.day <= ${throughDay}::date
    group by te.day
    union all
    select e.day::text, e.category, sum(e.amount_cents), 0
    from expenses e
    where e.project_id = ${projectId} and e.day <= ${throughDay}::date
    group by e.day, e.category`);
  const byDay = new Map<string, number>();
  const expensesByCategory: Record<CostCategory, number> = { labour: 0, materials: 0, other: 0 };
  let labour = 0;
  let unpricedMinutes = 0;
  for (const row of rows) {
    const cents = Number(row.cents);
    byDay.set(row.day, (byDay.get(row.day) ?? 0) + cents);
    if (row.source === 'time') {
      labour += cents;
      unpricedMinutes += Number(row.unpriced);
    } else expensesByCategory[row.source] += cents;
  }
  const perDay = [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, cents]) => ({ day, cents }));
  return { perDay, labourCents: Math.round(labour), expensesByCategory, unpricedMinutes };
}
