import { dayNumber, dayOfWeek, formatDay, parseDay } from '../calendar';

/** One task of a sprint as the burn charts read it: its points and the day it was finished, if it was. */
export interface BurnTask {
  points: number;
  /** The day (`YYYY-MM-DD`, in the team's zone) the task entered a done column; null while it is open. */
  completedOn: string | null;
}

/** What a sprint's burndown and burnup are computed from; the caller supplies `today`, the core has no clock. */
export interface BurnInput {
  /** First and last day of the sprint, `YYYY-MM-DD`, both included. */
  startDate: string;
  finishDate: string;
  /** Points committed when the sprint started; null before it started (the current scope stands in for it). */
  committedPoints: number | null;
  tasks: readonly BurnTask[];
  /** Days after this one have no actual values yet. */
  today: string;
  /** Working days of the week (0 Sunday … 6 Saturday); the ideal line stays flat on the others. All days when absent. */
  workingDays?: readonly number[];
}

/** One day of the burn charts; `remaining` and `completed` are null for days still ahead. */
export interface BurnDay {
  date: string;
  /** Where the remaining points would be on an even pace from the commitment down to zero. */
  ideal: number;
  remaining: number | null;
  completed: number | null;
  /** Total points in the sprint (the burnup's scope line). */
  scope: number;
}

/** The burndown and burnup of one sprint, day by day. */
export interface BurnSeries {
  committed: number;
  scope: number;
  days: BurnDay[];
}

/** The most days a series spans: a sprint is weeks long, and a typo of a year must not build a 100-year array. */
export const maxSprintDays = 366;

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Remaining and completed story points per day of a sprint, with the ideal line from the commitment to zero.
 * A task finished before the sprint started counts on its first day; one finished after the last day is still open.
 * @example burnSeries({ startDate: '2026-03-02', finishDate: '2026-03-13', committedPoints: 20, tasks, today: '2026-03-05' })
 */
export function burnSeries(input: BurnInput): BurnSeries {
  const first = parseDay(input.startDate);
  const last = parseDay(input.finishDate);
  if (last < first)
    throw new RangeError(`The sprint ends (${input.finishDate}) before it starts (${input.startDate})`);
  if (last - first + 1 > maxSprintDays) throw new RangeError(`A sprint spans at most ${maxSprintDays} days`);
  const today = parseDay(input.today);
  const scope = round(input.tasks.reduce((sum, task) => sum + task.points, 0));
  const committed = input.committedPoints ?? scope;
  const working = new Set(input.workingDays ?? [0, 1, 2, 3, 4, 5, 6]);
  const days: number[] = [];
  for (let day = first; day <= last; day++) days.push(day);
  // The ideal line burns one share per working day; it reaches zero at the end of the last working day.
  const workingCount = days.filter((day) => working.has(dayOfWeek(dayNumber(day)))).length;
  const completedDays = input.tasks
    .filter((task) => task.completedOn !== null)
    .map((task) => ({ day: parseDay(task.completedOn as string), points: task.points }));
  let burned = 0;
  return {
    committed: round(committed),
    scope,
    days: days.map((day) => {
      if (working.has(dayOfWeek(dayNumber(day)))) burned++;
      const ideal = workingCount === 0 ? committed : committed * (1 - burned / workingCount);
      const future = day > today;
      const completed = completedDays.reduce((sum, done) => sum + (done.day <= day ? done.points : 0), 0);
      return {
        date: formatDay(dayNumber(day)),
        ideal: round(Math.max(0, ideal)),
        remaining: future ? null : round(scope - completed),
        completed: future ? null : round(completed),
        scope,
      };
    }),
  };
}
