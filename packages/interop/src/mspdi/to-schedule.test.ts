import { describe, expect, it } from 'vitest';
import { mspdiFixture } from './fixture-path';
import { readMspdiFile, readMspdiString } from './reader';
import { toScheduleProject } from './to-schedule';
import { parseMspdiDate } from './values';

const fixture = async () => toScheduleProject(await readMspdiFile(mspdiFixture('round-trip.xml')));
const at = (text: string) => parseMspdiDate(text);

describe('toScheduleProject', () => {
  it('takes the project settings from the properties', async () => {
    const project = await fixture();
    expect(project).toMatchObject({
      startDate: at('2026-01-05T08:00:00'),
      scheduleFrom: 'start',
      statusDate: at('2026-01-06T17:00:00'),
      calendarId: '1',
      units: { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 },
      honorConstraintDates: true,
      criticalSlackLimit: 0,
    });
  });

  it('skips the project summary and nests tasks by outline level', async () => {
    const project = await fixture();
    expect(project.tasks.map((task) => [task.id, task.parentId])).toEqual([
      ['1', undefined],
      ['2', '1'],
      ['3', '1'],
      ['4', '1'],
      ['5', undefined],
    ]);
  });

  it('maps durations, elapsed formats, constraints, deadlines and calendars', async () => {
    const [, design, build, review, order] = (await fixture()).tasks;
    expect(design).toMatchObject({
      durationMinutes: 960,
      durationUnit: 'days',
      elapsed: false,
      type: 'fixedUnits',
    });
    expect(design).toMatchObject({
      effortDriven: true,
      percentComplete: 50,
      actualStart: at('2026-01-05T08:00:00'),
    });
    expect(build).toMatchObject({ calendarId: '2', constraint: { type: 'asap' } });
    expect(build?.calendarId).toBe('2');
    expect(review).toMatchObject({ isMilestone: true, durationMinutes: 0 });
    expect(order).toMatchObject({
      durationMinutes: 2880,
      elapsed: true,
      constraint: { type: 'snet', date: at('2026-01-07T08:00:00') },
      deadline: at('2026-01-09T17:00:00'),
    });
  });

  it('maps link types and lags in tenths of a minute or in percent', async () => {
    expect((await fixture()).links).toEqual([
      { predecessorId: '2', successorId: '3', type: 'FS', lag: { minutes: 480 } },
      { predecessorId: '3', successorId: '4', type: 'FS', lag: { minutes: 0 } },
      { predecessorId: '2', successorId: '4', type: 'SS', lag: { percent: 50 } },
    ]);
  });

  it('maps every MSPDI constraint and link type number', async () => {
    const tasks = [0, 1, 2, 3, 4, 5, 6, 7]
      .map(
        (type) =>
          `<Task><UID>${type + 1}</UID><OutlineLevel>1</OutlineLevel><ConstraintType>${type}</ConstraintType><ConstraintDate>2026-01-07T08:00:00</ConstraintDate>${
            type > 0 && type < 5
              ? `<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>${type - 1}</Type><LinkLag>-4800</LinkLag><LagFormat>8</LagFormat></PredecessorLink>`
              : ''
          }</Task>`,
      )
      .join('');
    const xml = `<Project><StartDate>2026-01-05T08:00:00</StartDate><CalendarUID>1</CalendarUID><Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar></Calendar></Calendars><Tasks>${tasks}</Tasks></Project>`;
    const project = toScheduleProject(await readMspdiString(xml));
    expect(project.tasks.map((task) => task.constraint.type)).toEqual([
      'asap',
      'alap',
      'mso',
      'mfo',
      'snet',
      'snlt',
      'fnet',
      'fnlt',
    ]);
    expect(project.links.map((link) => link.type)).toEqual(['FF', 'FS', 'SF', 'SS']);
    expect(project.links[0]).toMatchObject({ lag: { minutes: -480 }, lagElapsed: true });
  });

  it('converts week days, recurring exceptions, work weeks and 2003-style exception days', async () => {
    const [standard, night] = (await fixture()).calendars;
    expect(standard?.week[0]).toEqual([]);
    expect(standard?.week[1]).toEqual([
      { from: 480, to: 720 },
      { from: 780, to: 1020 },
    ]);
    expect(standard?.week[2]).toBeUndefined();
    expect(standard?.exceptions[0]).toMatchObject({ name: 'New Year', intervals: [] });
    expect(standard?.exceptions[0]?.recurrence).toBeUndefined();
    expect(standard?.exceptions[1]).toMatchObject({
      recurrence: { kind: 'monthlyByPosition', every: 1, position: 1, dayOfWeek: 5 },
      occurrences: 4,
      intervals: [{ from: 480, to: 720 }],
    });
    expect(standard?.workWeeks[0]?.week[5]).toEqual([{ from: 480, to: 720 }]);
    expect(night?.baseCalendarId).toBe('1');
    expect(night?.week).toEqual([
      undefined,
      undefined,
      [{ from: 1320, to: 1440 }],
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(night?.exceptions).toEqual([
      {
        fromDay: (at('2026-01-13T00:00:00') ?? 0) / 1440,
        toDay: (at('2026-01-13T00:00:00') ?? 0) / 1440,
        intervals: [],
      },
    ]);
  });

  it('keeps resources and assignments, without the blank resource 0', async () => {
    const project = await fixture();
    expect(project.resources).toEqual([
      { id: '1', name: 'Ada', calendarId: '2', maxUnits: 1, standardRate: 10000 },
    ]);
    expect(project.assignments).toEqual([
      { taskId: '2', resourceId: '1', units: 1, workMinutes: 960, actualWork: 480, remainingWork: 480 },
    ]);
  });

  it('leaves material and cost resources out, since only work resources drive durations', async () => {
    const xml = `<Project><StartDate>2026-01-05T08:00:00</StartDate><Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar></Calendar></Calendars>
      <Tasks><Task><UID>1</UID><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration></Task></Tasks>
      <Resources><Resource><UID>1</UID><Type>1</Type></Resource><Resource><UID>2</UID><Type>0</Type></Resource><Resource><UID>3</UID><Type>1</Type><IsCostResource>1</IsCostResource></Resource></Resources>
      <Assignments>${[1, 2, 3].map((uid) => `<Assignment><UID>${uid}</UID><TaskUID>1</TaskUID><ResourceUID>${uid}</ResourceUID><Units>10</Units><Work>PT10H0M0S</Work></Assignment>`).join('')}<Assignment><UID>4</UID><TaskUID>1</TaskUID><ResourceUID>-65535</ResourceUID></Assignment></Assignments></Project>`;
    const project = toScheduleProject(await readMspdiString(xml));
    expect(project.resources.map((resource) => resource.id)).toEqual(['1']);
    expect(project.assignments.map((assignment) => assignment.resourceId)).toEqual(['1']);
  });

  it("maps an assignment's overtime work and its delay in tenths of a minute", async () => {
    const xml = `<Project><StartDate>2026-01-05T08:00:00</StartDate><Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar></Calendar></Calendars>
      <Tasks><Task><UID>1</UID><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration></Task></Tasks>
      <Resources><Resource><UID>1</UID><Type>1</Type></Resource></Resources>
      <Assignments><Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Work>PT23H0M0S</Work><Units>0.25</Units><Delay>550</Delay><OvertimeWork>PT20H0M0S</OvertimeWork></Assignment>
      <Assignment><UID>2</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Work>PT8H0M0S</Work><Delay>0</Delay><OvertimeWork>PT0H0M0S</OvertimeWork></Assignment></Assignments></Project>`;
    const project = toScheduleProject(await readMspdiString(xml));
    expect(project.assignments).toEqual([
      { taskId: '1', resourceId: '1', units: 0.25, workMinutes: 1380, overtimeWork: 1200, delayMinutes: 55 },
      { taskId: '1', resourceId: '1', units: 1, workMinutes: 480 },
    ]);
  });

  it('maps where an assignment under way resumes and its remaining work, fractions of a second kept', async () => {
    const xml = `<Project><StartDate>2026-01-05T08:00:00</StartDate><Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar></Calendar></Calendars>
      <Tasks><Task><UID>1</UID><OutlineLevel>1</OutlineLevel><Duration>PT80H0M0S</Duration></Task></Tasks>
      <Resources><Resource><UID>1</UID><Type>1</Type></Resource></Resources>
      <Assignments><Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Work>PT80H0M0S</Work><ActualWork>PT2H0M5.07S</ActualWork><RemainingWork>PT77H59M54.94S</RemainingWork><RemainingOvertimeWork>PT7H54M0S</RemainingOvertimeWork><Resume>2026-01-05T08:55:00</Resume></Assignment>
      <Assignment><UID>2</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Work>PT8H0M0S</Work><RemainingWork>PT8H0M0S</RemainingWork><Resume>2026-01-05T08:00:00</Resume></Assignment></Assignments></Project>`;
    const project = toScheduleProject(await readMspdiString(xml));
    const [begun, untouched] = project.assignments;
    expect(begun?.actualWork).toBeCloseTo(120 + 5.07 / 60, 9);
    expect(begun?.remainingWork).toBeCloseTo(4679 + 54.94 / 60, 9);
    expect(begun?.remainingOvertimeWork).toBe(474);
    expect(begun?.resumeAt).toBe(parseMspdiDate('2026-01-05T08:55:00'));
    // Before any work is done the task's start says where the work begins.
    expect(untouched?.resumeAt).toBeUndefined();
    expect(untouched?.remainingWork).toBeUndefined();
  });

  it('maps the predefined work contours and leaves flat and hand-edited work without one', async () => {
    const expected: readonly (readonly [number, string | undefined])[] = [
      [0, undefined],
      [1, 'backLoaded'],
      [2, 'frontLoaded'],
      [3, 'doublePeak'],
      [4, 'earlyPeak'],
      [5, 'latePeak'],
      [6, 'bell'],
      [7, 'turtle'],
      [8, undefined],
    ];
    const xml = `<Project><StartDate>2026-01-05T08:00:00</StartDate><Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar></Calendar></Calendars>
      <Tasks><Task><UID>1</UID><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration></Task></Tasks>
      <Resources><Resource><UID>1</UID><Type>1</Type></Resource></Resources>
      <Assignments>${expected.map(([code]) => `<Assignment><UID>${code + 1}</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Work>PT16H0M0S</Work><WorkContour>${code}</WorkContour></Assignment>`).join('')}</Assignments></Project>`;
    const project = toScheduleProject(await readMspdiString(xml));
    expect(project.assignments.map((assignment, k) => [k, assignment.contour])).toEqual(expected);
  });

  it('marks a manual task with a blank start, finish or duration as a placeholder, and nothing else', async () => {
    const task = (uid: number, extra: string) =>
      `<Task><UID>${uid}</UID><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>${extra}</Task>`;
    const tasks = [
      task(1, '<Manual>1</Manual><StartText></StartText>'),
      task(2, '<Manual>1</Manual><DurationText></DurationText>'),
      task(3, '<Manual>1</Manual><FinishText></FinishText>'),
      task(4, '<Manual>1</Manual><StartText>after the review</StartText>'),
      task(5, '<Manual>1</Manual>'),
      task(6, '<Manual>0</Manual><StartText></StartText>'),
    ].join('');
    const xml = `<Project><StartDate>2026-01-05T08:00:00</StartDate><CalendarUID>1</CalendarUID><Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar></Calendar></Calendars><Tasks>${tasks}</Tasks></Project>`;
    const project = toScheduleProject(await readMspdiString(xml));
    expect(project.tasks.map((each) => each.placeholder === true)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
