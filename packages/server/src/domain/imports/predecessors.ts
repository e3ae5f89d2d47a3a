import type { TaskLinkType } from '../../db/schema/task-links';
import { type DurationUnits, formatLag, parseDuration } from './duration-text';

/** One entry of a Predecessors cell: the predecessor's row id, the link type and the lag. */
export interface PredecessorEntry {
  id: string;
  type: TaskLinkType;
  lagMinutes: number;
  lagPercent: number | null;
}

/** The Predecessors cell of a task as MS Project writes it: `3FS+2d;5SS;7` (a plain FS link is just the id). */
export function formatPredecessors(entries: readonly PredecessorEntry[], units: DurationUnits): string {
  return entries
    .map((entry) => {
      const lag = formatLag(entry.lagMinutes, entry.lagPercent, units);
      return entry.type === 'FS' && lag === '' ? entry.id : `${entry.id}${entry.type}${lag}`;
    })
    .join(';');
}

/**
 * Reads a Predecessors cell (`3FS+2d;5SS-1h;7FF+50%;9`, entries split by `;` or `,`); returns the entries, or the
 * message for the first entry it cannot read.
 */
export function parsePredecessors(
  text: string,
  units: DurationUnits,
): { ok: true; entries: PredecessorEntry[] } | { ok: false; message: string } {
  const entries: PredecessorEntry[] = [];
  for (const part of text.split(/[;,]/)) {
    const entry = part.trim();
    if (entry === '') continue;
    const match = /^([A-Za-z0-9_.-]*?\d)\s*(FS|SS|FF|SF)?\s*(?:([+-])\s*(.+))?$/i.exec(entry);
    if (!match) return { ok: false, message: `"${entry}" is not a predecessor such as 3, 3FS+2d or 5SS-1h` };
    const type = ((match[2] as string | undefined)?.toUpperCase() ?? 'FS') as TaskLinkType;
    let lagMinutes = 0;
    let lagPercent: number | null = null;
    if (match[4] !== undefined) {
      const sign = match[3] === '-' ? -1 : 1;
      const amount = match[4].trim();
      if (amount.endsWith('%')) {
        const percent = Number(amount.slice(0, -1).replace(',', '.'));
        if (!Number.isFinite(percent))
          return { ok: false, message: `"${entry}" has a lag that is not a percentage` };
        lagPercent = sign * percent;
      } else {
        const lag = parseDuration(amount, units);
        if (!lag)
          return { ok: false, message: `"${entry}" has a lag that is not a duration such as 2d or 4h` };
        lagMinutes = sign * lag.minutes;
      }
    }
    entries.push({ id: match[1] as string, type, lagMinutes, lagPercent });
  }
  return { ok: true, entries };
}
