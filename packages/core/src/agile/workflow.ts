/** Where a column sits in the flow: burndown and velocity read the category, never the column's name. */
export type WorkflowCategory = 'todo' | 'inProgress' | 'done';

/** One column of a project's workflow. */
export interface WorkflowColumn {
  key: string;
  name: string;
  category: WorkflowCategory;
  wipLimit: number | null;
}

/** Why a proposed workflow cannot be saved, with the offending column's place in it. */
export interface WorkflowProblem {
  code: 'EMPTY' | 'TOO_MANY' | 'DUPLICATE_KEY' | 'BAD_KEY' | 'BAD_NAME' | 'BAD_WIP' | 'NO_DONE' | 'NO_OPEN';
  message: string;
  /** The field, e.g. `columns.2.wipLimit`. */
  field: string;
}

/** The most columns a board may have: more would not fit a screen, and a board wider than that is a mistake. */
export const maxWorkflowColumns = 20;
/** The largest WIP limit accepted. */
export const maxWipLimit = 999;
const keyPattern = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * The first problem of a proposed workflow, or null when it can be saved: 1–20 columns, unique lower-case keys,
 * names of 1–60 characters, WIP limits that are null or whole numbers 1–999, at least one open and one done column.
 */
export function workflowProblem(columns: readonly WorkflowColumn[]): WorkflowProblem | null {
  if (columns.length === 0)
    return { code: 'EMPTY', message: 'A workflow needs at least one column', field: 'columns' };
  if (columns.length > maxWorkflowColumns) {
    return {
      code: 'TOO_MANY',
      message: `A workflow has at most ${maxWorkflowColumns} columns`,
      field: 'columns',
    };
  }
  const seen = new Set<string>();
  for (const [index, column] of columns.entries()) {
    const at = `columns.${index}`;
    if (!keyPattern.test(column.key)) {
      return {
        code: 'BAD_KEY',
        message: `Column key "${column.key}" must be lower-case letters, digits and _ (starting with a letter, at most 40)`,
        field: `${at}.key`,
      };
    }
    if (seen.has(column.key)) {
      return {
        code: 'DUPLICATE_KEY',
        message: `Column key "${column.key}" is used twice`,
        field: `${at}.key`,
      };
    }
    seen.add(column.key);
    const name = column.name.trim();
    if (name.length === 0 || name.length > 60) {
      return {
        code: 'BAD_NAME',
        message: `Column "${column.key}" needs a name of 1 to 60 characters`,
        field: `${at}.name`,
      };
    }
    const limit = column.wipLimit;
    if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > maxWipLimit)) {
      return {
        code: 'BAD_WIP',
        message: `The WIP limit of column "${column.name}" must be empty or a whole number from 1 to ${maxWipLimit}, not ${limit}`,
        field: `${at}.wipLimit`,
      };
    }
  }
  if (!columns.some((column) => column.category === 'done')) {
    return {
      code: 'NO_DONE',
      message: 'A workflow needs at least one column of category done',
      field: 'columns',
    };
  }
  if (!columns.some((column) => column.category !== 'done')) {
    return {
      code: 'NO_OPEN',
      message: 'A workflow needs at least one column that is not done',
      field: 'columns',
    };
  }
  return null;
}

/** The keys of `before` that `after` no longer has: the columns a save removes. */
export function removedColumns(
  before: readonly WorkflowColumn[],
  after: readonly WorkflowColumn[],
): string[] {
  const kept = new Set(after.map((column) => column.key));
  return before.filter((column) => !kept.has(column.key)).map((column) => column.key);
}
