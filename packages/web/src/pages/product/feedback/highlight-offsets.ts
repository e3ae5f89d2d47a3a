/**
 * The offsets, in the element's text, of the current selection when it lies wholly inside `element`; null otherwise.
 * The element must render the feedback body as its exact text (marks add no characters).
 */
export function selectionOffsets(element: HTMLElement): { start: number; end: number; text: string } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(element);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const text = range.toString();
  if (text.trim() === '') return null;
  return { start, end: start + text.length, text };
}

/** The body cut into plain and highlighted runs, for rendering the linked passages as marks. */
export function highlightRuns(
  body: string,
  spans: readonly { start: number; end: number }[],
): { text: string; marked: boolean }[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const runs: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const span of sorted) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, body.length);
    if (end <= start) continue;
    if (start > at) runs.push({ text: body.slice(at, start), marked: false });
    runs.push({ text: body.slice(start, end), marked: true });
    at = end;
  }
  if (at < body.length) runs.push({ text: body.slice(at), marked: false });
  return runs;
}
