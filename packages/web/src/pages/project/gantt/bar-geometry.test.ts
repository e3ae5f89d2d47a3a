import { describe, expect, it } from 'vitest';
import { type Bar, barInWindow, barOf, linkPath, rowHeight } from './bar-geometry';
import { createScale, xOf } from './time-scale';
import { parseWallClock } from './wall-clock';

const at = (text: string) => parseWallClock(text) ?? 0;
const scale = createScale(at('2026-03-02T08:00'), at('2026-04-30T17:00'), 'days');
const input = {
  start: '2026-03-03T08:00',
  finish: '2026-03-05T17:00',
  summary: false,
  milestone: false,
  percentComplete: 50,
  totalSlack: 0,
};

describe('bar geometry', () => {
  it('places a task bar from its start to its finish in its row, with progress as a share of its width', () => {
    const bar = barOf(input, 3, scale);
    expect(bar?.kind).toBe('task');
    expect(bar?.x).toBeCloseTo(xOf(scale, at('2026-03-03T08:00')));
    expect(bar?.width).toBeCloseTo(2 * 36 + (9 / 24) * 36);
    expect(bar?.y).toBe(3 * rowHeight);
    expect(bar?.progressWidth).toBeCloseTo((bar?.width ?? 0) / 2);
  });

  it('draws a zero-length task or a flagged one as a milestone, and a summary as a bracket without slack', () => {
    expect(barOf({ ...input, finish: input.start }, 0, scale)?.kind).toBe('milestone');
    expect(barOf({ ...input, milestone: true }, 0, scale)?.width).toBe(0);
    const summary = barOf({ ...input, summary: true, totalSlack: 960 }, 0, scale);
    expect(summary?.kind).toBe('summary');
    expect(summary?.slackWidth).toBe(0);
  });

  it('stretches a week of working slack over a calendar week', () => {
    const bar = barOf({ ...input, totalSlack: 2400 }, 0, scale, 2400);
    expect(bar?.slackWidth).toBeCloseTo(7 * 36);
  });

  it('has no bar for unreadable dates', () => {
    expect(barOf({ ...input, start: 'soon' }, 0, scale)).toBeUndefined();
  });

  it('keeps a bar whose slack line reaches into the window', () => {
    const bar: Bar = { kind: 'task', x: 100, width: 50, y: 0, progressWidth: 0, slackWidth: 100 };
    expect(barInWindow(bar, 200, 400)).toBe(true);
    expect(barInWindow(bar, 300, 400)).toBe(false);
    expect(barInWindow(bar, 0, 50)).toBe(false);
  });

  it('routes each link type from the right end of its predecessor into the right end of its successor', () => {
    const from: Bar = { kind: 'task', x: 100, width: 60, y: 0, progressWidth: 0, slackWidth: 0 };
    const to: Bar = { kind: 'task', x: 200, width: 40, y: 64, progressWidth: 0, slackWidth: 0 };
    const mid = (bar: Bar) => bar.y + rowHeight / 2;
    expect(linkPath('FS', from, to)).toBe(`M160,${mid(from)} H192 V${mid(to)} H200`);
    expect(linkPath('SS', from, to).startsWith('M100,')).toBe(true);
    expect(linkPath('FF', from, to).endsWith('H240')).toBe(true);
    expect(linkPath('SF', from, to).startsWith('M100,')).toBe(true);
    expect(linkPath('SF', from, to).endsWith('H240')).toBe(true);
  });

  it('ends every link with a run from outside the successor into its edge, along which its arrow head points', () => {
    const from: Bar = { kind: 'task', x: 100, width: 60, y: 0, progressWidth: 0, slackWidth: 0 };
    const to: Bar = { kind: 'task', x: 200, width: 40, y: 64, progressWidth: 0, slackWidth: 0 };
    const ends = (type: 'FS' | 'SS' | 'FF' | 'SF') => linkPath(type, from, to).split(' ').slice(-3).join(' ');
    expect(ends('FS')).toBe(`H192 V${rowHeight * 2 + rowHeight / 2} H200`);
    expect(ends('SS')).toBe(`H192 V${rowHeight * 2 + rowHeight / 2} H200`);
    expect(ends('FF')).toBe(`H248 V${rowHeight * 2 + rowHeight / 2} H240`);
    expect(ends('SF')).toBe(`H248 V${rowHeight * 2 + rowHeight / 2} H240`);
  });

  it('loops a finish-to-start link back between the rows when the successor starts before the predecessor ends', () => {
    const from: Bar = { kind: 'task', x: 100, width: 60, y: 0, progressWidth: 0, slackWidth: 0 };
    const to: Bar = { kind: 'task', x: 120, width: 40, y: 64, progressWidth: 0, slackWidth: 0 };
    expect(linkPath('FS', from, to)).toBe(`M160,16 H168 V64 H112 V80 H120`);
  });
});
