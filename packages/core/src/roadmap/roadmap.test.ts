import { describe, expect, it } from 'vitest';
import { layoutLaneBars, monthTicks, timeScaleFor, xOfDay } from './bar-layout';
import { bucketByHorizon, horizonOf } from './horizon';
import { nestingCycle } from './initiative-tree';
import { roadmapLanes } from './lanes';

describe('now, next, later', () => {
  const asOf = '2026-11-23';
  it.each([
    ['in progress whatever its dates', 'in_progress', '2027-06-01', null, 'now'],
    ['started and not finished', 'planned', '2026-11-01', '2026-12-31', 'now'],
    ['started and past its finish: late, still now', 'planned', '2026-09-01', '2026-10-31', 'now'],
    ['starting within a quarter', 'planned', '2027-01-15', '2027-03-01', 'next'],
    ['starting on the 90th day', 'proposed', '2027-02-21', null, 'next'],
    ['starting on the 91st day', 'proposed', '2027-02-22', null, 'later'],
    ['unplanned', 'proposed', null, null, 'later'],
    ['only a near finish', 'planned', null, '2026-12-20', 'next'],
    ['done', 'done', '2026-01-01', '2026-02-01', null],
    ['cancelled', 'cancelled', '2027-01-01', null, null],
  ] as const)('puts an initiative %s in %s', (_, status, plannedStart, plannedFinish, expected) => {
    expect(horizonOf({ status, plannedStart, plannedFinish }, asOf)).toBe(expected);
  });

  it('keeps the input order within each column', () => {
    const items = [
      { id: 'a', status: 'proposed', plannedStart: null, plannedFinish: null },
      { id: 'b', status: 'in_progress', plannedStart: null, plannedFinish: null },
      { id: 'c', status: 'proposed', plannedStart: null, plannedFinish: null },
    ];
    const columns = bucketByHorizon(items, asOf);
    expect(columns.later.map((item) => item.id)).toEqual(['a', 'c']);
    expect(columns.now.map((item) => item.id)).toEqual(['b']);
    expect(columns.next).toEqual([]);
  });
});

describe('swimlanes', () => {
  const items = [
    { id: '1', objectiveId: 'o2', theme: 'Growth', team: '' },
    { id: '2', objectiveId: null, theme: 'growth ', team: 'Core' },
    { id: '3', objectiveId: 'o1', theme: '', team: 'Apps' },
    { id: '4', objectiveId: 'o2', theme: 'Attract', team: 'Core' },
  ];
  const ids = (lanes: { label: string; items: { id: string }[] }[]) =>
    lanes.map((lane) => [lane.label, lane.items.map((item) => item.id)]);

  it('follows the objectives order and puts the unassigned last', () => {
    const objectives = new Map([
      ['o1', 'Win enterprise'],
      ['o2', 'Grow usage'],
    ]);
    expect(ids(roadmapLanes(items, 'objective', objectives))).toEqual([
      ['Win enterprise', ['3']],
      ['Grow usage', ['1', '4']],
      ['No objective', ['2']],
    ]);
  });

  it('sorts themes by name and trims them', () => {
    expect(ids(roadmapLanes(items, 'theme'))).toEqual([
      ['Attract', ['4']],
      ['Growth', ['1']],
      ['growth', ['2']],
      ['No theme', ['3']],
    ]);
  });

  it('groups by team', () => {
    expect(ids(roadmapLanes(items, 'team'))).toEqual([
      ['Apps', ['3']],
      ['Core', ['2', '4']],
      ['No team', ['1']],
    ]);
  });
});

describe('bar layout', () => {
  const scale = timeScaleFor(
    [
      { id: 'a', plannedStart: '2026-12-10', plannedFinish: '2027-01-20', forecastFinish: '2027-02-10' },
      { id: 'b', plannedStart: '2027-01-05', plannedFinish: '2027-01-31' },
    ],
    '2026-11-23',
    2,
  );

  it('spans whole months with a spare month each side, today and forecasts included', () => {
    expect(scale.from).toBe('2026-10-01');
    expect(scale.to).toBe('2027-04-01');
    expect(scale.width).toBe(182 * 2);
    expect(monthTicks(scale).map((tick) => tick.label)).toEqual([
      'Oct 2026',
      'Nov 2026',
      'Dec 2026',
      'Jan 2027',
      'Feb 2027',
      'Mar 2027',
    ]);
    expect(xOfDay(scale, '2026-11-01')).toBe(62);
  });

  it('stacks overlapping bars and reuses a row once it is free', () => {
    const { bars, rows } = layoutLaneBars(
      [
        { id: 'late', plannedStart: '2027-02-01', plannedFinish: '2027-02-28' },
        { id: 'first', plannedStart: '2026-12-01', plannedFinish: '2027-01-10' },
        { id: 'overlap', plannedStart: '2027-01-01', plannedFinish: '2027-01-31' },
        { id: 'undated', plannedStart: null, plannedFinish: null },
      ],
      scale,
    );
    expect(rows).toBe(2);
    expect(bars.map((bar) => [bar.id, bar.row])).toEqual([
      ['first', 0],
      ['overlap', 1],
      ['late', 0],
    ]);
  });

  it('draws the forecast past the plan as late, and progress as a share of the bar', () => {
    const { bars } = layoutLaneBars(
      [
        {
          id: 'a',
          plannedStart: '2026-12-01',
          plannedFinish: '2026-12-10',
          forecastFinish: '2026-12-15',
          progress: 0.5,
        },
        { id: 'b', plannedStart: '2027-01-01', plannedFinish: '2027-01-10', forecastFinish: '2027-01-05' },
      ],
      scale,
    );
    expect(bars[0]).toEqual({
      id: 'a',
      row: 0,
      x: 122,
      width: 20,
      forecastX: 152,
      late: true,
      progressWidth: 10,
    });
    expect(bars[1]?.late).toBe(false);
  });

  it('keeps a forecast that runs past the plan from sharing its row with the next bar', () => {
    const { bars } = layoutLaneBars(
      [
        { id: 'a', plannedStart: '2026-12-01', plannedFinish: '2026-12-10', forecastFinish: '2027-01-15' },
        { id: 'b', plannedStart: '2027-01-01', plannedFinish: '2027-01-10' },
      ],
      scale,
    );
    expect(bars.map((bar) => bar.row)).toEqual([0, 1]);
  });
});

describe('initiative nesting', () => {
  const parents = new Map<string, string | null>([
    ['a', null],
    ['b', 'a'],
    ['c', 'b'],
  ]);
  it.each([
    ['under itself', 'a', 'a', ['a', 'a']],
    ['under its grandchild', 'a', 'c', ['a', 'c', 'b', 'a']],
    ['under a sibling tree', 'c', 'a', null],
    ['at the root', 'b', null, null],
  ] as const)('finds the loop of nesting an initiative %s', (_, id, parent, expected) => {
    expect(nestingCycle(parents, id, parent)).toEqual(expected);
  });
});
