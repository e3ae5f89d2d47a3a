/** Local calendar days as `YYYY-MM-DD`, for pages that pick weeks and ranges. */
const pad = (n: number) => String(n).padStart(2, '0');

/** The local day of a date, `YYYY-MM-DD`. */
export function dayOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day `days` after `day`. */
export function addDays(day: string, days: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return dayOf(new Date(y, m - 1, d + days));
}

/** The Monday on or before `day`. */
export function mondayOf(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const weekday = new Date(y, m - 1, d).getDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Today on the browser's clock. */
export function today(): string {
  return dayOf(new Date());
}

/** "Mon 2 Mar" for a column head. */
export function shortDay(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
}
