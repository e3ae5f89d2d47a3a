import { describe, expect, it } from 'vitest';
import { resolveHighlight } from './highlight';

const body = 'We love it. Please add export to PDF for our board packs.';

describe('resolving a highlight', () => {
  it('takes the passage the offsets cover', () => {
    expect(resolveHighlight(body, { start: 23, end: 36 })).toEqual({
      ok: true,
      highlight: { text: 'export to PDF', start: 23, end: 36 },
    });
  });

  it('finds a passage given without offsets at its first occurrence', () => {
    expect(resolveHighlight(body, { text: 'PDF' })).toEqual({
      ok: true,
      highlight: { text: 'PDF', start: 33, end: 36 },
    });
  });

  it('takes the whole text when nothing is highlighted', () => {
    expect(resolveHighlight('short', {})).toEqual({
      ok: true,
      highlight: { text: 'short', start: 0, end: 5 },
    });
  });

  it.each([
    { given: { start: -1, end: 3 }, code: 'OUT_OF_RANGE', field: 'highlightStart' },
    { given: { start: 2, end: 999 }, code: 'OUT_OF_RANGE', field: 'highlightEnd' },
    { given: { start: 5, end: 2 }, code: 'OUT_OF_RANGE', field: 'highlightEnd' },
    { given: { start: 4, end: 4 }, code: 'EMPTY', field: 'highlightEnd' },
    { given: { start: 0, end: 2, text: 'no' }, code: 'TEXT_MISMATCH', field: 'highlight' },
    { given: { text: 'spreadsheet' }, code: 'NOT_IN_TEXT', field: 'highlight' },
  ])('refuses $given with $code on $field', ({ given, code, field }) => {
    expect(resolveHighlight(body, given)).toEqual({ ok: false, problem: { code, field } });
  });
});
