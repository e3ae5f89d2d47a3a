/** Where a deliverable stands with its receiver. */
export type DeliverableState = 'pending' | 'submitted' | 'accepted' | 'rejected';

/** How many items of a Markdown checklist (`- [ ]` / `- [x]`) are ticked. */
export interface ChecklistProgress {
  done: number;
  total: number;
}

const checklistItem = /^\s*[-*+]\s+\[([ xX])\]\s+\S/;

/**
 * Counts the items of a Markdown checklist and the ticked ones; lines that are not checklist items are ignored.
 * @example checklistProgress('- [x] Signed\n- [ ] Filed') // { done: 1, total: 2 }
 */
export function checklistProgress(markdown: string): ChecklistProgress {
  let done = 0;
  let total = 0;
  for (const line of markdown.split('\n')) {
    const match = checklistItem.exec(line);
    if (!match) continue;
    total++;
    if (match[1] !== ' ') done++;
  }
  return { done, total };
}

/**
 * A deliverable is late when it is not accepted yet and its milestone's date (`YYYY-MM-DD…`) is before `asOf`, the
 * project's status date or today; one without a milestone is never late.
 */
export function deliverableLate(
  state: DeliverableState,
  milestoneDate: string | null,
  asOf: string,
): boolean {
  if (state === 'accepted' || milestoneDate === null) return false;
  return milestoneDate.slice(0, 10) < asOf.slice(0, 10);
}

/** The states a deliverable may move to from `state`: submitted for acceptance, then accepted or rejected. */
export function nextDeliverableStates(state: DeliverableState): DeliverableState[] {
  switch (state) {
    case 'pending':
      return ['submitted'];
    case 'submitted':
      return ['accepted', 'rejected'];
    case 'rejected':
      return ['submitted'];
    case 'accepted':
      return [];
    default:
      return assertNever(state);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected deliverable state ${String(value)}`);
}
