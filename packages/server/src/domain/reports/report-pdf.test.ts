import type { ReportFigures } from '@tandem/core';
import { describe, expect, it } from 'vitest';
import { figureLines, narrativeParagraphs } from './report-pdf';

describe('narrativeParagraphs', () => {
  it.each([
    [
      'drops emphasis markers',
      'We are **on track** and _ahead_.',
      [{ text: 'We are on track and ahead.', heading: false }],
    ],
    ['keeps a heading apart', '## Next steps', [{ text: 'Next steps', heading: true }]],
    [
      'bullets list items',
      '- one\n* two',
      [
        { text: '•  one', heading: false },
        { text: '•  two', heading: false },
      ],
    ],
    [
      'spells a link out',
      'See [the plan](https://example.com/plan)',
      [{ text: 'See the plan (https://example.com/plan)', heading: false }],
    ],
    ['skips blank lines and code fences', '\n```\ncode\n```\n', [{ text: 'code', heading: false }]],
    ['unquotes a quote', '> Decision needed', [{ text: 'Decision needed', heading: false }]],
  ])('%s', (_name, markdown, expected) => {
    expect(narrativeParagraphs(markdown)).toEqual(expected);
  });
});

describe('figureLines', () => {
  it('says "no data" for each dimension without figures', () => {
    const figures: ReportFigures = {
      asOf: '2026-03-05',
      schedule: null,
      cost: null,
      risk: null,
      scope: null,
      quality: null,
    };
    expect(figureLines(figures)).toEqual([
      ['Measured at', '2026-03-05'],
      ['Schedule', 'no data'],
      ['Cost', 'no data'],
      ['Risk', 'no data'],
      ['Quality', 'no data'],
    ]);
  });
  it('shows the late milestones and the open high risks', () => {
    const lines = figureLines({
      asOf: '2026-03-05',
      schedule: {
        finish: '2026-04-01T17:00',
        baselineFinish: '2026-03-20T17:00',
        baselineName: 'Approved',
        spi: 0.9,
        milestones: [
          {
            id: 'a',
            name: 'Design signed',
            finish: '2026-03-10T17:00',
            target: '2026-03-09T17:00',
            percentComplete: 0,
            late: true,
          },
          {
            id: 'b',
            name: 'Go live',
            finish: '2026-04-01T17:00',
            target: null,
            percentComplete: 0,
            late: false,
          },
        ],
        lateMilestones: 1,
      },
      cost: null,
      risk: { recorded: 3, open: 2, openHigh: 1, top: [] },
      scope: { pendingChanges: 1, approvedChanges: 4, rejectedChanges: 0 },
      quality: null,
    });
    expect(lines).toContainEqual(['Baseline finish (Approved)', '2026-03-20']);
    expect(lines).toContainEqual(['Late milestones', '1 of 2']);
    expect(lines).toContainEqual(['  Late: Design signed', '2026-03-10 (due 2026-03-09)']);
    expect(lines.some(([label]) => label.includes('Go live'))).toBe(false);
    expect(lines).toContainEqual(['Open risks (high)', '2 (1)']);
    expect(lines).toContainEqual(['Change requests pending / approved', '1 / 4']);
  });
});
