import { scheduleProject } from '@tandem/core/schedule/schedule';
import { describe, expect, it } from 'vitest';
import { mspdiFixture } from './fixture-path';
import { applySchedule } from './from-schedule';
import { readMspdiFile } from './reader';
import { toScheduleProject } from './to-schedule';
import { parseMspdiDate } from './values';

describe('applySchedule', () => {
  it('writes computed dates, slack in tenths of a minute and the project span over stale saved values', async () => {
    const saved = await readMspdiFile(mspdiFixture('chain.xml'));
    const stale = {
      ...saved,
      tasks: saved.tasks.map((task) => ({
        ...task,
        LateStart: 0,
        TotalSlack: -1,
        FreeSlack: -1,
        Critical: !task.Critical,
      })),
    };
    const result = scheduleProject(toScheduleProject(stale));
    if (!result.ok) throw new Error(result.code);
    const written = applySchedule(stale, result);
    const docs = written.tasks.find((task) => task.UID === 3);
    expect(docs).toMatchObject({
      LateStart: parseMspdiDate('2026-01-09T08:00:00'),
      TotalSlack: 9600,
      FreeSlack: 9600,
      Critical: false,
    });
    expect(written.tasks.find((task) => task.UID === 2)).toMatchObject({ TotalSlack: 0, Critical: true });
    expect(written.properties.FinishDate).toBe(parseMspdiDate('2026-01-09T17:00:00'));
    expect(written.tasks[0]).toMatchObject({ UID: 0, Finish: parseMspdiDate('2026-01-09T17:00:00') });
    // The input itself is left as it was.
    expect(stale.tasks.find((task) => task.UID === 3)?.TotalSlack).toBe(-1);
  });
});
