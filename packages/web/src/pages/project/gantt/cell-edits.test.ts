import { defaultUnitSettings } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import type { PlanTask, ScheduledTask } from '../../../api/plan';
import { cellChanges, cellText } from './cell-edits';

const task: PlanTask = {
  id: 't',
  projectId: 'p',
  parentId: null,
  name: 'Build',
  position: 1,
  durationMinutes: 1440,
  durationUnit: 'days',
  scheduling: 'auto',
  percentComplete: 10,
  version: 3,
};
const scheduled: ScheduledTask = {
  id: 't',
  outline: '1',
  level: 1,
  summary: false,
  start: '2026-03-02T08:00',
  finish: '2026-03-04T17:00',
  durationMinutes: 1440,
  percentComplete: 10,
  totalSlack: 0,
  critical: true,
};
const settings = defaultUnitSettings;
const row = { task, scheduled, level: 1, hasChildren: false, collapsed: false };

describe('cell edits', () => {
  it('starts editing a duration in the unit it was entered in', () => {
    expect(cellText(row, 'duration', settings)).toBe('3d');
    expect(cellText({ ...row, task: { ...task, durationUnit: 'hours' } }, 'duration', settings)).toBe('24h');
    expect(cellText(row, 'start', settings)).toBe('2026-03-02 08:00');
  });

  it('turns "4h" and "2w" into working minutes with their unit', () => {
    expect(cellChanges(task, scheduled, 'duration', '4h', settings)).toEqual({
      durationMinutes: 240,
      durationUnit: 'hours',
      elapsed: false,
    });
    expect(cellChanges(task, scheduled, 'duration', '2w', settings)).toMatchObject({ durationMinutes: 4800 });
    expect(cellChanges(task, scheduled, 'duration', '3d', settings)).toBeUndefined();
    expect(cellChanges(task, scheduled, 'duration', 'soon', settings)).toMatch(/not a duration/);
  });

  it('makes a start typed on an automatic task a start-no-earlier-than constraint, keeping the time of day', () => {
    expect(cellChanges(task, scheduled, 'start', '2026-03-05', settings)).toEqual({
      constraintType: 'snet',
      constraintDate: '2026-03-05T08:00',
    });
    expect(cellChanges(task, scheduled, 'start', 'tomorrow', settings)).toMatch(/not a date/);
  });

  it('moves a manual task by its typed start, keeping its length', () => {
    const manual = {
      ...task,
      scheduling: 'manual' as const,
      manualStart: '2026-03-02T08:00',
      manualFinish: '2026-03-04T17:00',
    };
    expect(cellChanges(manual, scheduled, 'start', '2026-03-09 08:00', settings)).toEqual({
      manualStart: '2026-03-09T08:00',
      manualFinish: '2026-03-11T17:00',
    });
  });

  it('accepts a percentage from 0 to 100 and refuses anything else', () => {
    expect(cellChanges(task, scheduled, 'percent', '55%', settings)).toEqual({ percentComplete: 55 });
    expect(cellChanges(task, scheduled, 'percent', '101', settings)).toMatch(/percentage/);
    expect(cellChanges(task, scheduled, 'name', '  ', settings)).toBeUndefined();
  });
});
