import { scheduleProject } from '@tandem/core/schedule/schedule';
import { describe, expect, it } from 'vitest';
import { readMspdiString } from './reader';
import { toScheduleProject } from './to-schedule';
import { formatMspdiDate, parseMspdiDate } from './values';
import { writeMspdi } from './writer';

const at = (text: string) => parseMspdiDate(text) as number;

/** One remaining-work entry of a day, from 08:00 to the next day's 08:00; `value` undefined is a day off. */
const day = (date: string, next: string, value?: string, type = 1) =>
  `<TimephasedData><Type>${type}</Type><UID>1</UID><Start>${date}T08:00:00</Start>` +
  `<Finish>${next}T08:00:00</Finish><Unit>2</Unit>${value === undefined ? '' : `<Value>${value}</Value>`}</TimephasedData>`;

const work = 'PT8H0M0S';
const none = 'PT0H0M0S';
// Monday 5 to Wednesday 14 January 2026: work, work, two zero days, work, a weekend, a zero day, work, work.
const splitDays = [
  day('2026-01-05', '2026-01-06', work),
  day('2026-01-06', '2026-01-07', work),
  day('2026-01-07', '2026-01-08', none),
  day('2026-01-08', '2026-01-09', none),
  day('2026-01-09', '2026-01-10', work),
  day('2026-01-10', '2026-01-11'),
  day('2026-01-11', '2026-01-12'),
  day('2026-01-12', '2026-01-13', none),
  day('2026-01-13', '2026-01-14', work),
  day('2026-01-14', '2026-01-15', work),
  // Actual work (Type 2) of zero is not a split.
  day('2026-01-15', '2026-01-16', none, 2),
].join('');

const weekDay = (type: number, working: boolean) =>
  `<WeekDay><DayType>${type}</DayType><DayWorking>${working ? 1 : 0}</DayWorking>` +
  (working
    ? '<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>' +
      '<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>'
    : '') +
  '</WeekDay>';

const task = (uid: number, extra: string) =>
  `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>Task ${uid}</Name><OutlineLevel>1</OutlineLevel>` +
  `<Duration>PT40H0M0S</Duration><DurationFormat>7</DurationFormat>${extra}</Task>`;

const assignment = (uid: number, taskUid: number, resourceUid: number, timephased: string) =>
  `<Assignment><UID>${uid}</UID><TaskUID>${taskUid}</TaskUID><ResourceUID>${resourceUid}</ResourceUID>` +
  `<Units>1</Units><Work>PT40H0M0S</Work>${timephased}</Assignment>`;

// A split task (with a second, unsplit assignment and a task-level zero entry that is not a split), a manually
// scheduled task and an elapsed task that carry the same splits.
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <StartDate>2026-01-05T08:00:00</StartDate><CalendarUID>1</CalendarUID><MinutesPerDay>480</MinutesPerDay>
  <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>
    ${[1, 2, 3, 4, 5, 6, 7].map((type) => weekDay(type, type !== 1 && type !== 7)).join('')}
  </WeekDays></Calendar></Calendars>
  <Tasks>
    ${task(1, day('2026-01-07', '2026-01-08', none))}
    ${task(2, '<Manual>1</Manual><ManualStart>2026-01-05T08:00:00</ManualStart><ManualFinish>2026-01-09T17:00:00</ManualFinish>')}
    ${task(3, '<Duration>PT120H0M0S</Duration><DurationFormat>8</DurationFormat>')}
  </Tasks>
  <Resources>
    <Resource><UID>1</UID><Name>Ann</Name><Type>1</Type></Resource>
    <Resource><UID>2</UID><Name>Bob</Name><Type>1</Type></Resource>
  </Resources>
  <Assignments>
    ${assignment(1, 1, 2, day('2026-01-05', '2026-01-06', work))}
    ${assignment(2, 1, 1, splitDays)}
    ${assignment(3, 2, 1, splitDays)}
    ${assignment(4, 3, 1, splitDays)}
  </Assignments>
</Project>`;

const splits = [
  { start: at('2026-01-07T08:00:00'), finish: at('2026-01-09T08:00:00') },
  { start: at('2026-01-12T08:00:00'), finish: at('2026-01-13T08:00:00') },
];

describe('split tasks in MSPDI', () => {
  it('reads the zero-value remaining-work entries of an assignment as its splits, merging those that touch', async () => {
    const project = await readMspdiString(xml);
    expect(project.assignments.map((a) => a.splits)).toEqual([undefined, splits, splits, splits]);
    expect(project.tasks[0]?.other).toEqual([]);
  });

  it('gives an automatically scheduled task the splits of its assignment as pauses, and none to manual or elapsed tasks', async () => {
    const tasks = toScheduleProject(await readMspdiString(xml)).tasks;
    expect(tasks[0]?.pauses).toEqual(splits);
    expect(tasks[1]).not.toHaveProperty('pauses');
    expect(tasks[2]).not.toHaveProperty('pauses');
  });

  it('schedules a split task over its five days of work plus its three days of pauses', async () => {
    const result = scheduleProject(toScheduleProject(await readMspdiString(xml)));
    if (!result.ok) throw new Error(result.code);
    const split = result.tasks[0];
    expect(formatMspdiDate(split?.start ?? 0)).toBe('2026-01-05T08:00:00');
    expect(formatMspdiDate(split?.finish ?? 0)).toBe('2026-01-14T17:00:00');
  });

  it('writes the splits back as zero-value timephased entries that read back equal', async () => {
    const first = await readMspdiString(xml);
    const text = writeMspdi(first);
    expect(text.match(/<Value>PT0H0M0S<\/Value>/g)).toHaveLength(6);
    expect(await readMspdiString(text)).toEqual(first);
  });
});
