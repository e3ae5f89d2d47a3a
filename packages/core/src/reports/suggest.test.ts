import { describe, expect, it } from 'vitest';
import type { MilestoneFigure, ReportFigures, ScheduleFigures } from './figures';
import {
  suggestCostColour,
  suggestQualityColour,
  suggestRag,
  suggestRiskColour,
  suggestScheduleColour,
  suggestScopeColour,
} from './suggest';

const milestone = (late: boolean, target: string | null = '2026-03-10T17:00'): MilestoneFigure => ({
  id: 'm',
  name: 'M',
  finish: '2026-03-10T17:00',
  target,
  percentComplete: 0,
  late,
});

function schedule(spi: number | null, milestones: MilestoneFigure[]): ScheduleFigures {
  return {
    finish: '2026-04-01T17:00',
    baselineFinish: null,
    baselineName: null,
    spi,
    milestones,
    lateMilestones: milestones.filter((m) => m.late).length,
  };
}

const cost = (cpi: number | null) => ({
  bac: 0,
  pv: 0,
  ev: 0,
  ac: 0,
  cv: 0,
  sv: 0,
  cpi,
  spi: null,
  eac: null,
  vac: null,
});

describe('suggestScheduleColour', () => {
  it.each([
    ['green on plan with no late milestone', schedule(1, [milestone(false)]), 'green'],
    ['green at exactly SPI 0.95', schedule(0.95, []), 'green'],
    ['amber just below SPI 0.95', schedule(0.949, []), 'amber'],
    ['amber at exactly SPI 0.85', schedule(0.85, []), 'amber'],
    ['red below SPI 0.85', schedule(0.84, []), 'red'],
    [
      'amber with one late milestone though the SPI is good',
      schedule(1.1, [milestone(true), milestone(false)]),
      'amber',
    ],
    ['red with two late milestones', schedule(1, [milestone(true), milestone(true)]), 'red'],
    ['red when the SPI is red though no milestone is late', schedule(0.5, [milestone(false)]), 'red'],
    ['judged on milestones alone without an SPI', schedule(null, [milestone(true)]), 'amber'],
    ['no data without an SPI and without targets', schedule(null, [milestone(false, null)]), null],
    ['no data without schedule figures', null, null],
  ] as const)('%s', (_name, figures, expected) => {
    expect(suggestScheduleColour(figures)).toBe(expected);
  });
});

describe('suggestCostColour', () => {
  it.each([
    [1.2, 'green'],
    [0.95, 'green'],
    [0.9, 'amber'],
    [0.85, 'amber'],
    [0.8499, 'red'],
    [null, null],
    [Number.POSITIVE_INFINITY, null],
  ] as const)('CPI %s gives %s', (cpi, expected) => {
    expect(suggestCostColour(cost(cpi))).toBe(expected);
  });
  it('has no data without cost figures', () => {
    expect(suggestCostColour(null)).toBeNull();
  });
});

describe('suggestRiskColour', () => {
  it.each([
    [{ recorded: 4, open: 3, openHigh: 0 }, 'green'],
    [{ recorded: 4, open: 3, openHigh: 1 }, 'amber'],
    [{ recorded: 4, open: 3, openHigh: 2 }, 'amber'],
    [{ recorded: 4, open: 3, openHigh: 3 }, 'red'],
    [{ recorded: 0, open: 0, openHigh: 0 }, null],
  ] as const)('%o gives %s', (counts, expected) => {
    expect(suggestRiskColour({ ...counts, top: [] })).toBe(expected);
  });
});

describe('suggestScopeColour', () => {
  it.each([
    [0, 'green'],
    [1, 'amber'],
    [3, 'amber'],
    [4, 'red'],
  ] as const)('%i pending change requests give %s', (pendingChanges, expected) => {
    expect(suggestScopeColour({ pendingChanges, approvedChanges: 2, rejectedChanges: 1 })).toBe(expected);
  });
});

describe('suggestQualityColour', () => {
  it.each([
    [{ recorded: 2, rejectedDeliverables: 0, openHighIssues: 0 }, 'green'],
    [{ recorded: 2, rejectedDeliverables: 1, openHighIssues: 0 }, 'amber'],
    [{ recorded: 2, rejectedDeliverables: 1, openHighIssues: 1 }, 'amber'],
    [{ recorded: 5, rejectedDeliverables: 2, openHighIssues: 1 }, 'red'],
    [{ recorded: 0, rejectedDeliverables: 0, openHighIssues: 0 }, null],
  ] as const)('%o gives %s', (counts, expected) => {
    expect(suggestQualityColour({ ...counts, acceptedDeliverables: 0 })).toBe(expected);
  });
});

describe('suggestRag', () => {
  it('rates every dimension, leaving those without figures as no data', () => {
    const figures: ReportFigures = {
      asOf: '2026-03-05',
      schedule: schedule(0.9, []),
      cost: cost(1),
      risk: null,
      scope: { pendingChanges: 5, approvedChanges: 0, rejectedChanges: 0 },
      quality: null,
    };
    expect(suggestRag(figures)).toEqual({
      schedule: 'amber',
      cost: 'green',
      scope: 'red',
      risk: null,
      quality: null,
    });
  });
});
