import { describe, expect, it } from 'vitest';
import { at, fmt, sketchProject } from './build-project';
import { resourceId, taskId, type WorkContour } from './model';
import { scheduleProject } from './schedule';
import { assignmentSpan, contourShare } from './work-contour';

const shares: readonly (readonly [WorkContour, number])[] = [
  ['flat', 1],
  ['backLoaded', 0.6],
  ['frontLoaded', 0.6],
  ['doublePeak', 0.5],
  ['earlyPeak', 0.5],
  ['latePeak', 0.5],
  ['bell', 0.5],
  ['turtle', 0.7],
];

describe('work contours', () => {
  it.each(shares)('works a %s assignment at %d of its units on average', (contour, share) => {
    expect(contourShare(contour)).toBeCloseTo(share, 12);
  });

  it.each([
    { work: 4500, units: 1, contour: 'frontLoaded', span: 7500 },
    { work: 4800, units: 1, contour: 'bell', span: 9600 },
    { work: 4800, units: 2, contour: 'backLoaded', span: 4000 },
    { work: 2400, units: 1, contour: 'turtle', span: 24000 / 7 },
    { work: 1000, units: 3, contour: 'flat', span: 333 },
    { work: 4800, units: 1, contour: 'flat', overtime: 540, span: 4260 },
    { work: 1380, units: 0.25, contour: 'flat', overtime: 1200, delay: 55, span: 775 },
    { work: 4800, units: 1, contour: 'bell', overtime: 2400, span: 4800 },
  ] as const)(
    'spans $work minutes ($overtime overtime, $delay delay) of $contour work at $units units over $span minutes',
    (c) => {
      const span = assignmentSpan({
        taskId: taskId('A'),
        resourceId: resourceId('r'),
        workMinutes: c.work,
        units: c.units,
        contour: c.contour,
        ...('overtime' in c && { overtimeWork: c.overtime }),
        ...('delay' in c && { delayMinutes: c.delay }),
      });
      expect(span).toBeCloseTo(c.span, 9);
    },
  );

  it('stretches a task by its contoured assignment and keeps the fraction of a minute in its dates', () => {
    const project = sketchProject([{ id: 'A', days: 5 }], [], {
      start: '2026-03-02T08:00',
      resources: [{ id: resourceId('r'), name: 'R', maxUnits: 1, standardRate: 0 as never }],
      assignments: [
        { taskId: taskId('A'), resourceId: resourceId('r'), units: 1, workMinutes: 2400, contour: 'turtle' },
      ],
    });
    const result = scheduleProject(project);
    if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
    const task = result.tasks[0]!;
    // 40 h of turtle work last 57 h 8.57 min: seven days and 1 h 8.57 min on the Standard calendar.
    expect(fmt(task.finish)).toBe('2026-03-11T09:08');
    expect(task.finish - at('2026-03-11T09:08')).toBeCloseTo(4 / 7, 6);
    // Slack is kept in tenths of a minute, so float noise in the fraction leaves exactly zero.
    expect(task.totalSlack).toBe(0);
    expect(task.critical).toBe(true);
  });
});
