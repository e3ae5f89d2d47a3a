/** A passage of a text, by its offsets (UTF-16 code units, as the browser's selection counts them). */
export interface Highlight {
  text: string;
  start: number;
  end: number;
}

/** Why a highlight does not fit its text. */
export type HighlightProblem =
  | { code: 'OUT_OF_RANGE'; field: 'highlightStart' | 'highlightEnd' }
  | { code: 'EMPTY'; field: 'highlightEnd' }
  | { code: 'TEXT_MISMATCH'; field: 'highlight' }
  | { code: 'NOT_IN_TEXT'; field: 'highlight' };

/**
 * Places a highlighted passage in a text: offsets win (and the passage, when also given, must be what they cover); a
 * passage alone is found at its first occurrence; neither means the whole text.
 * @example resolveHighlight('Export to PDF please', { text: 'PDF' }) // { ok: true, highlight: { text: 'PDF', start: 10, end: 13 } }
 */
export function resolveHighlight(
  body: string,
  given: { text?: string | undefined; start?: number | undefined; end?: number | undefined },
): { ok: true; highlight: Highlight } | { ok: false; problem: HighlightProblem } {
  if (given.start !== undefined || given.end !== undefined) {
    const start = given.start ?? 0;
    const end = given.end ?? body.length;
    if (!Number.isInteger(start) || start < 0 || start > body.length) {
      return { ok: false, problem: { code: 'OUT_OF_RANGE', field: 'highlightStart' } };
    }
    if (!Number.isInteger(end) || end > body.length || end < start) {
      return { ok: false, problem: { code: 'OUT_OF_RANGE', field: 'highlightEnd' } };
    }
    if (end === start) return { ok: false, problem: { code: 'EMPTY', field: 'highlightEnd' } };
    const text = body.slice(start, end);
    if (given.text !== undefined && given.text !== text) {
      return { ok: false, problem: { code: 'TEXT_MISMATCH', field: 'highlight' } };
    }
    return { ok: true, highlight: { text, start, end } };
  }
  if (given.text !== undefined && given.text !== '') {
    const start = body.indexOf(given.text);
    if (start < 0) return { ok: false, problem: { code: 'NOT_IN_TEXT', field: 'highlight' } };
    return { ok: true, highlight: { text: given.text, start, end: start + given.text.length } };
  }
  return { ok: true, highlight: { text: body, start: 0, end: body.length } };
}
