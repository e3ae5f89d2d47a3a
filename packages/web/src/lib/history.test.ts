import { describe, expect, it } from 'vitest';
import { changedFields, describeAction, showValue } from './history';

const entry = (before: unknown, after: unknown) => ({
  id: 'aud_1',
  at: '2026-11-23T09:00:00.000Z',
  actor: { id: 'usr_1', name: 'Ada' },
  action: 'update',
  before,
  after,
});

describe('history', () => {
  it('lists only the fields whose value changed', () => {
    const changes = changedFields(
      entry({ name: 'A', description: 'same', version: 1 }, { name: 'B', description: 'same', version: 2 }),
    );
    expect(changes).toEqual([{ field: 'name', before: 'A', after: 'B' }]);
  });

  it('treats a missing side of the entry as no fields', () => {
    expect(changedFields(entry(null, { name: 'New' }))).toEqual([
      { field: 'name', before: undefined, after: 'New' },
    ]);
  });

  it('says what an action did in the past tense', () => {
    expect(describeAction('update')).toBe('updated');
    expect(describeAction('project.create')).toBe('created');
    expect(describeAction('member.set')).toBe('gave someone a role');
    expect(describeAction('member_role_change')).toBe('member role change');
  });

  it('shows an empty value as a dash and objects as JSON', () => {
    expect(showValue('')).toBe('—');
    expect(showValue(null)).toBe('—');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });
});
