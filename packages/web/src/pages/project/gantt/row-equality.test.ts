import { describe, expect, it } from 'vitest';
import type { PlanTask, ScheduledTask } from '../../../api/plan';
import type { GanttRow } from './outline-rows';
import { sameRowProps, sameRowView, shallowEqual } from './row-equality';

const task: PlanTask = {
  id: 't1',
  projectId: 'p',
  parentId: null,
  name: 'Design',
  position: 1,
  durationMinutes: 480,
  version: 1,
};
const scheduled: ScheduledTask = {
  id: 't1',
  outline: '1',
  level: 1,
  summary: false,
  start: '2026-01-05T08:00',
  finish: '2026-01-05T17:00',
  durationMinutes: 480,
  percentComplete: 0,
  totalSlack: 0,
  critical: true,
};
const row = (changes: Partial<ScheduledTask> = {}, rowChanges: Partial<GanttRow> = {}): GanttRow => ({
  task,
  scheduled: { ...scheduled, ...changes },
  level: 1,
  hasChildren: false,
  collapsed: false,
  ...rowChanges,
});

describe('sameRowView', () => {
  it('holds rows equal when only the slack behind them moved', () => {
    expect(sameRowView(row(), row({ totalSlack: 960, lateFinish: '2026-01-07T17:00' }))).toBe(true);
  });

  it('tells rows apart by dates, criticality, progress, outline place and task', () => {
    expect(sameRowView(row(), row({ finish: '2026-01-06T17:00' }))).toBe(false);
    expect(sameRowView(row(), row({ critical: false }))).toBe(false);
    expect(sameRowView(row(), row({ percentComplete: 50 }))).toBe(false);
    expect(sameRowView(row(), row({}, { collapsed: true }))).toBe(false);
    expect(sameRowView(row(), row({}, { task: { ...task, name: 'Build' } }))).toBe(false);
  });
});

describe('sameRowProps', () => {
  const equal = sameRowProps<{ row: GanttRow; text: { id: number }; selected: boolean }>(['text']);

  it('compares the named objects by their values and everything else by identity', () => {
    expect(
      equal(
        { row: row(), text: { id: 1 }, selected: false },
        { row: row(), text: { id: 1 }, selected: false },
      ),
    ).toBe(true);
    expect(
      equal(
        { row: row(), text: { id: 1 }, selected: false },
        { row: row(), text: { id: 2 }, selected: false },
      ),
    ).toBe(false);
    expect(
      equal(
        { row: row(), text: { id: 1 }, selected: false },
        { row: row(), text: { id: 1 }, selected: true },
      ),
    ).toBe(false);
  });
});

describe('shallowEqual', () => {
  it('compares one level deep', () => {
    expect(shallowEqual({ a: 1, b: 'x' }, { a: 1, b: 'x' })).toBe(true);
    expect(shallowEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(shallowEqual({ a: {} }, { a: {} })).toBe(false);
  });
});
