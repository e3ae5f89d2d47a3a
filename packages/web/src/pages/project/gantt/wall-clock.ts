/**
 * Plan dates are wall-clock strings with no zone (`YYYY-MM-DDTHH:MM`), as the API sends them. The chart works in
 * whole minutes since 1970-01-01T00:00 of that wall clock, computed as if it were UTC, so no viewer's time zone or
 * daylight-saving jump can shift a bar.
 */

/** Minutes since 1970-01-01T00:00 on the plan's wall clock. */
export type WallMinute = number;

const pattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

/** Reads `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (seconds ignored); undefined for anything else. */
export function parseWallClock(text: string | null | undefined): WallMinute | undefined {
  if (!text) return undefined;
  const match = pattern.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0'] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  return Number.isNaN(ms) ? undefined : Math.round(ms / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Writes a minute back as the API's `YYYY-MM-DDTHH:MM`. */
export function formatWallClock(minute: WallMinute): string {
  const date = new Date(minute * 60_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** The day of a minute as `YYYY-MM-DD`. */
export function formatDay(minute: WallMinute): string {
  return formatWallClock(minute).slice(0, 10);
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** A grid cell's date: weekday and day, with the time only when it is not midnight ("Mon 2026-03-02 13:00"). */
export function formatGridDate(text: string | null | undefined): string {
  const minute = parseWallClock(text);
  if (minute === undefined) return '';
  const date = new Date(minute * 60_000);
  const day = `${weekdays[date.getUTCDay()]} ${formatDay(minute)}`;
  const time = formatWallClock(minute).slice(11);
  return time === '00:00' ? day : `${day} ${time}`;
}

/** Today on the viewer's own wall clock, which is what "today" means on a plan without a zone. */
export function wallClockNow(now: Date): WallMinute {
  return Math.round(
    Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes()) / 60_000,
  );
}
