import { describe, expect, it } from 'vitest';
import { highlightRuns } from './highlight-offsets';

describe('highlight runs', () => {
  it('cuts the body into plain and marked runs that join back into the body', () => {
    const body = 'Please add export to PDF for board packs';
    const runs = highlightRuns(body, [{ start: 11, end: 24 }]);
    expect(runs).toEqual([
      { text: 'Please add ', marked: false },
      { text: 'export to PDF', marked: true },
      { text: ' for board packs', marked: false },
    ]);
    expect(runs.map((run) => run.text).join('')).toBe(body);
  });

  it('merges overlapping passages without repeating text', () => {
    const runs = highlightRuns('abcdefgh', [
      { start: 4, end: 7 },
      { start: 1, end: 5 },
    ]);
    expect(runs.map((run) => run.text).join('')).toBe('abcdefgh');
    expect(runs.filter((run) => run.marked).map((run) => run.text)).toEqual(['bcde', 'fg']);
  });
});
