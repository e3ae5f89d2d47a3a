import { readFile } from 'node:fs/promises';
import { compileCalendar } from '@tandem/core/calendar/compile';
import { describe, expect, it } from 'vitest';
import { workingDistance } from './compare-saved';
import { checkConformance, hasSavedResults } from './conformance';
import { mspdiFixture } from './fixture-path';
import { readMspdiString } from './reader';
import { toScheduleProject } from './to-schedule';
import { parseMspdiDate } from './values';

const chain = () => readFile(mspdiFixture('chain.xml'), 'utf8');
const at = (text: string) => parseMspdiDate(text) as number;

describe('checkConformance', () => {
  it('reproduces the hand-computed finish-to-start chain', async () => {
    const result = checkConformance(await readMspdiString(await chain()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tasks.map((task) => [task.uid, task.differences])).toEqual([
      [1, []],
      [2, []],
      [3, []],
      [4, []],
    ]);
  });

  it('names the task, the field, the saved value and the computed one when they differ', async () => {
    const xml = (await chain()).replace(
      '<LateStart>2026-01-09T08:00:00</LateStart>\n\t\t\t<LateFinish>2026-01-09T17:00:00</LateFinish>\n\t\t\t<FreeSlack>9600</FreeSlack>\n\t\t\t<TotalSlack>9600</TotalSlack>',
      '<LateStart>2026-01-08T08:00:00</LateStart>\n\t\t\t<LateFinish>2026-01-09T17:00:00</LateFinish>\n\t\t\t<FreeSlack>9600</FreeSlack>\n\t\t\t<TotalSlack>4800</TotalSlack>',
    );
    const result = checkConformance(await readMspdiString(xml));
    if (!result.ok) throw new Error(result.message);
    expect(result.tasks.find((task) => task.uid === 3)).toEqual({
      uid: 3,
      id: 3,
      name: 'Write docs',
      differences: [
        { field: 'LateStart', expected: '2026-01-08T08:00:00', got: '2026-01-09T08:00:00' },
        { field: 'TotalSlack', expected: '480 min', got: '960 min' },
      ],
    });
  });

  it('reports a dependency cycle as a failure that names its tasks', async () => {
    const xml = (await chain()).replace(
      '<UID>1</UID>\n\t\t\t<ID>1</ID>',
      '<UID>1</UID>\n\t\t\t<ID>1</ID>\n\t\t\t<PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type></PredecessorLink>',
    );
    const result = checkConformance(await readMspdiString(xml));
    expect(result).toMatchObject({ ok: false, taskCount: 4 });
    expect(result.ok ? '' : result.message).toMatch(
      /^dependency cycle: .*Design.*Build|^dependency cycle: .*Build.*Design/,
    );
  });

  it('treats a file without early dates as one with nothing to compare', async () => {
    const xml =
      '<Project><Tasks><Task><UID>1</UID><Start>2026-01-05T08:00:00</Start></Task></Tasks></Project>';
    expect(hasSavedResults(await readMspdiString(xml))).toBe(false);
    expect(hasSavedResults(await readMspdiString(await chain()))).toBe(true);
  });
});

describe('workingDistance', () => {
  it('counts Friday 17:00 and Monday 08:00 as the same working instant, and fractions of a working minute', async () => {
    const project = toScheduleProject(await readMspdiString(await chain()));
    const time = compileCalendar(project.calendars, project.calendarId);
    expect(workingDistance(time, at('2026-01-09T17:00:00'), at('2026-01-12T08:00:00'))).toBe(0);
    expect(workingDistance(time, at('2026-01-12T08:00:00'), at('2026-01-09T16:00:00'))).toBe(60);
    expect(workingDistance(time, at('2026-01-12T08:00:00'), at('2026-01-12T08:00:15'))).toBeCloseTo(0.25, 9);
    expect(workingDistance(time, at('2026-01-12T12:00:00'), at('2026-01-12T13:00:00'))).toBe(0);
  });
});
