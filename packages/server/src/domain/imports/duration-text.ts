import type { DurationUnit } from '@tandem/core/schedule/model';

/** How a plan converts days, weeks and months of work into minutes. */
export interface DurationUnits {
  minutesPerDay: number;
  minutesPerWeek: number;
  daysPerMonth: number;
}

const suffix: Record<DurationUnit, string> = {
  minutes: 'm',
  hours: 'h',
  days: 'd',
  weeks: 'w',
  months: 'mo',
};

function minutesPer(unit: DurationUnit, units: DurationUnits, elapsed: boolean): number {
  switch (unit) {
    case 'minutes':
      return 1;
    case 'hours':
      return 60;
    case 'days':
      return elapsed ? 1440 : units.minutesPerDay;
    case 'weeks':
      return elapsed ? 10_080 : units.minutesPerWeek;
    case 'months':
      return elapsed ? 43_200 : units.daysPerMonth * units.minutesPerDay;
  }
}

const trim = (n: number) => String(Math.round(n * 100) / 100);

/** A duration as MS Project shows it: `3d`, `2.5h`, `1w`, `3ed` (elapsed days); minutes in the unit it was entered in. */
export function formatDuration(
  minutes: number,
  unit: DurationUnit,
  units: DurationUnits,
  elapsed = false,
): string {
  return `${trim(minutes / minutesPer(unit, units, elapsed))}${elapsed ? 'e' : ''}${suffix[unit]}`;
}

/** A lag as MS Project writes it after a predecessor: `+2d`, `-4h`, `+50%`, nothing for none. */
export function formatLag(lagMinutes: number, lagPercent: number | null, units: DurationUnits): string {
  if (lagPercent !== null) return `${lagPercent < 0 ? '-' : '+'}${trim(Math.abs(lagPercent))}%`;
  if (lagMinutes === 0) return '';
  const unit: DurationUnit =
    lagMinutes % units.minutesPerDay === 0 ? 'days' : lagMinutes % 60 === 0 ? 'hours' : 'minutes';
  return `${lagMinutes < 0 ? '-' : '+'}${formatDuration(Math.abs(lagMinutes), unit, units)}`;
}

const unitWords: [RegExp, DurationUnit][] = [
  [/^(m|min|mins|minute|minutes)$/, 'minutes'],
  [/^(h|hr|hrs|hour|hours)$/, 'hours'],
  [/^(d|dy|day|days)$/, 'days'],
  [/^(w|wk|wks|week|weeks)$/, 'weeks'],
  [/^(mo|mon|mons|month|months)$/, 'months'],
];

/** A parsed duration: minutes, the unit it was written in, and whether it runs on the 24-hour clock. */
export interface ParsedDuration {
  minutes: number;
  unit: DurationUnit;
  elapsed: boolean;
}

/**
 * Reads a duration written as MS Project does (`3d`, `2.5 hours`, `1w`, `3ed`, `4d?`); a bare number is days. Returns
 * undefined for text that is not a duration.
 */
export function parseDuration(text: string, units: DurationUnits): ParsedDuration | undefined {
  const match = /^(-?\d+(?:[.,]\d+)?)\s*(e?)\s*([a-z]*)\s*\??$/i.exec(text.trim());
  if (!match) return undefined;
  const value = Number((match[1] as string).replace(',', '.'));
  const word = (match[3] as string).toLowerCase();
  const elapsed = match[2] !== '' && word !== '';
  const unit = word === '' ? 'days' : unitWords.find(([pattern]) => pattern.test(word))?.[1];
  if (unit === undefined || !Number.isFinite(value)) return undefined;
  return { minutes: Math.round(value * minutesPer(unit, units, elapsed)), unit, elapsed };
}
