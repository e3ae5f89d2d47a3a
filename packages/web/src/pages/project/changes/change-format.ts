import type { ChangeEdit } from './changes-api';

/** Working minutes as signed days and hours on an 8-hour day: `+2d`, `−4h`, `0`. */
export function signedWork(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes === 0) return 'No change';
  const sign = minutes > 0 ? '+' : '−';
  return `${sign}${days(Math.abs(minutes))}`;
}

/** Working minutes as days and hours on an 8-hour day: `2d`, `1d 4h`, `30m`. */
export function days(minutes: number): string {
  const whole = Math.floor(minutes / 480);
  const rest = minutes - whole * 480;
  const hours = Math.floor(rest / 60);
  const mins = Math.round(rest - hours * 60);
  const parts = [whole ? `${whole}d` : '', hours ? `${hours}h` : '', mins ? `${mins}m` : ''].filter(Boolean);
  return parts.length === 0 ? '0d' : parts.join(' ');
}

/** A wall-clock date-time as a short day: `Tue 10 Mar 2026`. */
export function day(text: string | null): string {
  if (!text) return '—';
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return date.toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Cents as a signed amount. */
export function signedMoney(cents: number): string {
  const sign = cents > 0 ? '+' : cents < 0 ? '−' : '';
  return `${sign}${(Math.abs(cents) / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })}`;
}

/** One edit as a sentence, naming tasks by `name`. */
export function describeEdit(edit: ChangeEdit, name: (id: string) => string): string {
  switch (edit.kind) {
    case 'addTask':
      return `Add “${edit.name}” (${days(edit.durationMinutes)})${edit.parentId ? ` under ${name(edit.parentId)}` : ''}${
        edit.predecessorId ? ` after ${name(edit.predecessorId)}` : ''
      }${edit.successorId ? ` before ${name(edit.successorId)}` : ''}`;
    case 'removeTask':
      return `Remove ${name(edit.taskId)}`;
    case 'setDuration':
      return `Set ${name(edit.taskId)} to ${days(edit.durationMinutes)}`;
    case 'addLink':
      return `Link ${name(edit.predecessorId)} → ${name(edit.successorId)} (${edit.type}${edit.lagMinutes ? `, lag ${days(edit.lagMinutes)}` : ''})`;
    case 'removeLink':
      return `Unlink ${name(edit.predecessorId)} → ${name(edit.successorId)}`;
    case 'setConstraint':
      return `Constrain ${name(edit.taskId)}: ${edit.constraintType.toUpperCase()}${edit.constraintDate ? ` ${edit.constraintDate.replace('T', ' ')}` : ''}`;
    default:
      return 'Unknown edit';
  }
}
