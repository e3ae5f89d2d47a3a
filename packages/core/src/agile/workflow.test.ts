import { describe, expect, it } from 'vitest';
import { needsRenumber, rankBetween } from './rank';
import { removedColumns, type WorkflowColumn, workflowProblem } from './workflow';

const col = (key: string, category: WorkflowColumn['category'] = 'todo', wipLimit: number | null = null) => ({
  key,
  name: key.toUpperCase(),
  category,
  wipLimit,
});
const good = [col('todo'), col('doing', 'inProgress', 3), col('done', 'done')];

describe('workflowProblem', () => {
  it('accepts a workflow with open and done columns', () => {
    expect(workflowProblem(good)).toBeNull();
  });

  it.each([
    { name: 'no columns', columns: [], code: 'EMPTY', field: 'columns' },
    {
      name: 'too many',
      columns: Array.from({ length: 21 }, (_, i) => col(`c${i}`)),
      code: 'TOO_MANY',
      field: 'columns',
    },
    {
      name: 'a repeated key',
      columns: [col('todo'), col('todo', 'done')],
      code: 'DUPLICATE_KEY',
      field: 'columns.1.key',
    },
    {
      name: 'an upper-case key',
      columns: [col('Todo'), col('done', 'done')],
      code: 'BAD_KEY',
      field: 'columns.0.key',
    },
    {
      name: 'a blank name',
      columns: [{ ...col('todo'), name: '  ' }, col('done', 'done')],
      code: 'BAD_NAME',
      field: 'columns.0.name',
    },
    {
      name: 'a WIP limit of 0',
      columns: [col('todo', 'todo', 0), col('done', 'done')],
      code: 'BAD_WIP',
      field: 'columns.0.wipLimit',
    },
    {
      name: 'a fractional WIP limit',
      columns: [col('a', 'inProgress', 1.5), col('done', 'done')],
      code: 'BAD_WIP',
      field: 'columns.0.wipLimit',
    },
    {
      name: 'a WIP limit of 1000',
      columns: [col('a', 'inProgress', 1000), col('done', 'done')],
      code: 'BAD_WIP',
      field: 'columns.0.wipLimit',
    },
    {
      name: 'no done column',
      columns: [col('todo'), col('doing', 'inProgress')],
      code: 'NO_DONE',
      field: 'columns',
    },
    { name: 'only done columns', columns: [col('done', 'done')], code: 'NO_OPEN', field: 'columns' },
  ])('refuses $name', ({ columns, code, field }) => {
    expect(workflowProblem(columns as WorkflowColumn[])).toMatchObject({ code, field });
  });

  it('lists the columns a new workflow removes', () => {
    expect(removedColumns(good, [col('todo'), col('finished', 'done')])).toEqual(['doing', 'done']);
  });
});

describe('rankBetween', () => {
  it.each([
    [undefined, undefined, 1],
    [undefined, 1, 0],
    [3, undefined, 4],
    [1, 2, 1.5],
    [-1, 0, -0.5],
  ] as const)('puts a rank between %s and %s at %s', (before, after, expected) => {
    expect(rankBetween(before, after)).toBe(expected);
  });

  it('tells when two ranks are too close to split', () => {
    expect(needsRenumber(1, 2)).toBe(false);
    expect(needsRenumber(1, 1 + Number.EPSILON)).toBe(true);
  });
});
