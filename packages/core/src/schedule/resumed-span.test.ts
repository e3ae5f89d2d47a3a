import { describe, expect, it } from 'vitest';
import type { Instant } from '../calendar/model';
import { at, fmt, sketchProject } from './build-project';
import { type Assignment, resourceId, taskId } from './model';
import { resumedSpan } from './resumed-span';
import { scheduleProject } from './schedule';

/** A 24-hour calendar: every minute works, so coordinates are the instants themselves. */
const clock = { toCoord: (instant: Instant): number => instant };
const start = 1000 as Instant;

function assignment(fields: Partial<Assignment>): Assignment {
  return { taskId: taskId('A'), resourceId: resourceId('r'), units: 1, workMinutes: 4800, ...fields };
}

describe('the span of an assignment already begun, from where it resumes', () => {
  it.each([
    // 54 min of regular work done by 08:54:05 and resumed at 08:55, 70 h 5 min 55 s left: the finish is a minute later.
    {
      resume: 55,
      work: 4800,
      overtime: 540,
      actual: 120.0845,
      left: 4679.9157,
      leftOvertime: 474,
      span: 4261,
    },
    // Resumed exactly where the work done ends: the span is the work's.
    { resume: 566.4, work: 960, actual: 566.4, left: 393.6, span: 960 },
    // Half the units: what is left takes twice as long.
    { resume: 60, work: 240, units: 0.5, actual: 30, left: 210, span: 480 },
    // Remaining overtime takes no working time.
    { resume: 180, work: 1380, overtime: 1200, actual: 300, left: 1080, leftOvertime: 1080, span: 180 },
  ])('spans $span minutes when it resumes $resume minutes after the start with $left minutes left', (c) => {
    const a = assignment({
      workMinutes: c.work,
      units: c.units ?? 1,
      actualWork: c.actual,
      remainingWork: c.left,
      resumeAt: (start + c.resume) as Instant,
      ...(c.overtime !== undefined && { overtimeWork: c.overtime }),
      ...(c.leftOvertime !== undefined && { remainingOvertimeWork: c.leftOvertime }),
    });
    expect(resumedSpan(a, clock, start)).toBe(c.span);
  });

  it.each([
    { why: 'it has not begun', fields: { remainingWork: 100, resumeAt: (start + 10) as Instant } },
    { why: 'it records no resume point', fields: { actualWork: 10, remainingWork: 100 } },
    { why: 'it records no remaining work', fields: { actualWork: 10, resumeAt: (start + 10) as Instant } },
    {
      why: 'its work is contoured',
      fields: {
        actualWork: 10,
        remainingWork: 100,
        resumeAt: (start + 10) as Instant,
        contour: 'bell' as const,
      },
    },
    {
      why: 'it resumes before the task starts',
      fields: { actualWork: 10, remainingWork: 100, resumeAt: 0 as Instant },
    },
  ])('leaves the span to the work when $why', ({ fields }) => {
    expect(resumedSpan(assignment(fields), clock, start)).toBeUndefined();
  });

  it('finishes a task under way a minute later when its remaining work resumes at the next whole minute', () => {
    const a: Assignment = {
      taskId: taskId('A'),
      resourceId: resourceId('r'),
      units: 1,
      workMinutes: 4800,
      overtimeWork: 540,
      actualWork: 120.0845,
      remainingWork: 4679.9157,
      remainingOvertimeWork: 474,
    };
    const finishWith = (resumeAt?: string) => {
      const project = sketchProject(
        [{ id: 'A', days: 10, actualStart: at('2026-03-02T08:00'), percentComplete: 6 }],
        [],
        {
          start: '2026-03-02T08:00',
          resources: [{ id: resourceId('r'), name: 'R', maxUnits: 1, standardRate: 0 as never }],
          assignments: [resumeAt === undefined ? a : { ...a, resumeAt: at(resumeAt) }],
        },
      );
      const result = scheduleProject(project);
      if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
      return fmt(result.tasks[0]!.finish);
    };
    // 71 h of regular work from Monday 08:00 on the Standard calendar end on the next Thursday at 16:00.
    expect(finishWith()).toBe('2026-03-12T16:00');
    expect(finishWith('2026-03-02T08:55')).toBe('2026-03-12T16:01');
  });
});
