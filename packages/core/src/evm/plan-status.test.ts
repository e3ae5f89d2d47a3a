import { describe, expect, it } from 'vitest';
import { instantFromCivil } from '../calendar/day-number';
import { lateTasks, nextMilestones, planProgress, type StatusTask } from './plan-status';

const at = (day: number, hour = 17) => instantFromCivil(2026, 3, day, hour);
const task = (id: string, fields: Partial<StatusTask> = {}): StatusTask => ({
  id,
  summary: false,
  isMilestone: false,
  start: at(2, 8),
  finish: at(6),
  deadline: null,
  workMinutes: 0,
  durationMinutes: 2400,
  percentComplete: 0,
  totalSlack: 0,
  critical: false,
  ...fields,
});

describe('plan status', () => {
  it('measures progress by work, leaving summaries out', () => {
    // 40 h at 50 % + 120 h at 25 % = 20 + 30 = 50 h done of 160 h.
    const progress = planProgress([
      task('summary', { summary: true, workMinutes: 9600, percentComplete: 31 }),
      task('a', { workMinutes: 2400, percentComplete: 50 }),
      task('b', { workMinutes: 7200, percentComplete: 25 }),
      task('c', { workMinutes: 0, percentComplete: 100 }),
    ]);
    expect(progress).toEqual({ percent: 3000 / 9600, measuredBy: 'work', tasks: 3, doneTasks: 1 });
  });

  it('falls back to duration when no task has work, and to null when there is nothing to measure', () => {
    const progress = planProgress([
      task('a', { durationMinutes: 2400, percentComplete: 100 }),
      task('b', { durationMinutes: 7200, percentComplete: 0 }),
    ]);
    expect(progress.percent).toBeCloseTo(0.25, 10);
    expect(progress.measuredBy).toBe('duration');
    expect(planProgress([]).percent).toBeNull();
  });

  it('finds the unfinished tasks past their finish or deadline, or bound to miss it', () => {
    const tasks = [
      task('done', { finish: at(3), percentComplete: 100 }),
      task('overdue', { finish: at(4), percentComplete: 60 }),
      task('deadline passed', { finish: at(13), deadline: at(5) }),
      task('will miss', { finish: at(13), deadline: at(11) }),
      task('fine', { finish: at(13), deadline: at(20) }),
      task('summary', { summary: true, finish: at(3) }),
    ];
    expect(lateTasks(tasks, at(6))).toEqual([
      { id: 'overdue', reasons: ['pastFinish'] },
      { id: 'deadline passed', reasons: ['pastDeadline'] },
      { id: 'will miss', reasons: ['missesDeadline'] },
    ]);
  });

  it('lists the unfinished milestones by date', () => {
    const tasks = [
      task('launch', { isMilestone: true, finish: at(20) }),
      task('kick-off', { isMilestone: true, finish: at(2), percentComplete: 100 }),
      task('review', { isMilestone: true, finish: at(9) }),
      task('work', { finish: at(5) }),
    ];
    expect(nextMilestones(tasks).map((t) => t.id)).toEqual(['review', 'launch']);
    expect(nextMilestones(tasks, 1).map((t) => t.id)).toEqual(['review']);
  });
});
