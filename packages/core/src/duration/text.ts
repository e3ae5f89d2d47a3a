/** Tandem's text form of durations ("3d", "2.5w", "4eh", "5d?"), with the spellings MS Project accepts in its grid. */
import type { Duration, DurationParseResult, DurationUnitCode } from './duration';

const spellings: Readonly<Record<string, DurationUnitCode>> = (() => {
  const table: Record<string, DurationUnitCode> = {};
  const working: readonly [DurationUnitCode, readonly string[]][] = [
    ['m', ['m', 'min', 'mins', 'minute', 'minutes']],
    ['h', ['h', 'hr', 'hrs', 'hour', 'hours']],
    ['d', ['d', 'dy', 'dys', 'day', 'days']],
    ['w', ['w', 'wk', 'wks', 'week', 'weeks']],
    ['mo', ['mo', 'mon', 'mons', 'month', 'months']],
  ];
  for (const [unit, words] of working) {
    for (const word of words) {
      table[word] = unit;
      table[`e${word}`] = `e${unit}` as DurationUnitCode;
    }
  }
  return table;
})();

const textPattern = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([a-z]*)\s*(\?)?$/;

/**
 * Parses a duration typed by a user or written in a file; a bare number takes `defaultUnit` (MS Project's default is
 * days). Units are case-insensitive and may be spelled out ("3 days", "2 wks", "4 ehrs").
 *
 * @example parseDuration('5d?') // { ok: true, value: { value: 5, unit: 'd', estimated: true } }
 */
export function parseDuration(
  text: string,
  defaultUnit: DurationUnitCode = 'd',
): DurationParseResult<Duration> {
  const match = textPattern.exec(text.trim().toLowerCase());
  const unit = match === null ? undefined : match[2] === '' ? defaultUnit : spellings[match[2] as string];
  if (match === null || unit === undefined) {
    return {
      ok: false,
      error: {
        code: 'INVALID_DURATION',
        message: `"${text}" is not a duration such as 3d, 2.5w, 4eh or 5d?`,
      },
    };
  }
  const value = Number(match[1]);
  return { ok: true, value: { value: value === 0 ? 0 : value, unit, estimated: match[3] === '?' } };
}

/**
 * Writes a duration in Tandem's short form, with at most two decimals.
 *
 * @example formatDuration({ value: 2.5, unit: 'w', estimated: false }) === '2.5w'
 */
export function formatDuration(duration: Duration): string {
  const rounded = Math.round(duration.value * 100) / 100;
  return `${rounded === 0 ? 0 : rounded}${duration.unit}${duration.estimated ? '?' : ''}`;
}

const labels: Readonly<Record<DurationUnitCode, readonly [string, string]>> = {
  m: ['min', 'mins'],
  h: ['hr', 'hrs'],
  d: ['day', 'days'],
  w: ['wk', 'wks'],
  mo: ['mon', 'mons'],
  em: ['emin', 'emins'],
  eh: ['ehr', 'ehrs'],
  ed: ['eday', 'edays'],
  ew: ['ewk', 'ewks'],
  emo: ['emon', 'emons'],
};

/**
 * Writes a duration the way MS Project's grid shows it ("1 day", "2.5 wks", "4 ehrs", "5 days?"); parseDuration reads
 * it back.
 *
 * @example formatDurationLabel({ value: 5, unit: 'd', estimated: true }) === '5 days?'
 */
export function formatDurationLabel(duration: Duration): string {
  const rounded = Math.round(duration.value * 100) / 100;
  const value = rounded === 0 ? 0 : rounded;
  const [one, many] = labels[duration.unit];
  return `${value} ${Math.abs(value) === 1 ? one : many}${duration.estimated ? '?' : ''}`;
}
