import type { HistoryEntry } from '../api/types';

// Bookkeeping fields change on every write and say nothing a reader needs.
const hidden = new Set(['version', 'updatedAt', 'createdAt', 'id', 'workspaceId']);

/** An audit value as short text; empty values show as a dash. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** The fields an audit entry changed, as before → after pairs. */
export function changedFields(entry: HistoryEntry): { field: string; before: unknown; after: unknown }[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .filter((f) => !hidden.has(f) && JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

const phrases: Record<string, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  'member.set': 'gave someone a role',
  'member.remove': 'removed someone',
};

/** An audit action as a past-tense phrase: `update` or `project.update` → "updated". */
export function describeAction(action: string): string {
  const last = action.split(/[._]/).pop() ?? action;
  return phrases[action] ?? phrases[last] ?? action.replace(/[._]/g, ' ');
}
