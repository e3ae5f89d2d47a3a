import type { TaskConstraintType } from '../../db/schema/tasks';
import { ApiError } from '../../http/errors';
import { type CsvColumn, locateColumns } from './csv-columns';
import { CsvSyntaxError, parseCsv } from './csv-text';
import { type DurationUnits, parseDuration } from './duration-text';
import type { LinkImage, PlanImage, TaskImage } from './plan-image';
import { parsePredecessors } from './predecessors';
import { instantOf, storedWallClock } from './wall-time';

const constraintNames: Record<string, TaskConstraintType> = {
  asap: 'asap',
  assoonaspossible: 'asap',
  alap: 'alap',
  aslateaspossible: 'alap',
  snet: 'snet',
  startnoearlierthan: 'snet',
  snlt: 'snlt',
  startnolaterthan: 'snlt',
  fnet: 'fnet',
  finishnoearlierthan: 'fnet',
  fnlt: 'fnlt',
  finishnolaterthan: 'fnlt',
  mso: 'mso',
  muststarton: 'mso',
  mfo: 'mfo',
  mustfinishon: 'mfo',
};

const truthy = new Set(['yes', 'true', '1', 'x', 'y', 'ja', 'oui']);
const falsy = new Set(['no', 'false', '0', '', 'n', 'nein', 'non']);

/** A cell the importer cannot read: the message names the row (as a spreadsheet numbers it) and the column. */
function cellError(line: number, column: string, message: string): ApiError {
  return new ApiError(
    400,
    'VALIDATION_FAILED',
    `Row ${line}, column "${column}": ${message}`,
    `rows[${line}].${column}`,
  );
}

/**
 * Reads a task CSV into the tasks and links of a plan image: hierarchy from Outline Level (or the depth of Outline
 * Number), durations as MS Project writes them, and a Predecessors column of row ids (`3FS+2d;5SS`). Every error names
 * the row and the column.
 */
export function planFromCsv(text: string, units: DurationUnits): Pick<PlanImage, 'tasks' | 'links'> {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new ApiError(400, 'VALIDATION_FAILED', `Row ${error.line}: ${error.message}`, 'file');
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header)
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      'The file is empty: it needs a header row and a row per task',
      'file',
    );
  const columns = locateColumns(header.cells);
  if (!columns.has('Name')) {
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      `Row ${header.line}: the header has no "Name" column`,
      'file',
    );
  }
  const tasks: TaskImage[] = [];
  const keyOfId = new Map<string, string>();
  const pending: { line: number; key: string; text: string }[] = [];
  const parents: { level: number; key: string }[] = [];
  let previousLevel = 0;
  for (const row of rows) {
    const cell = (column: CsvColumn) => {
      const at = columns.get(column);
      return at === undefined ? '' : (row.cells[at.index] ?? '').trim();
    };
    const fail = (column: CsvColumn, message: string) =>
      cellError(row.line, columns.get(column)?.name ?? column, message);
    const name = cell('Name');
    if (name === '') {
      if (row.cells.every((value) => value.trim() === '')) continue;
      throw fail('Name', 'every task needs a name');
    }
    if (name.length > 200) throw fail('Name', 'a name has at most 200 characters');
    const key = `row${row.line}`;
    const id = cell('ID') || String(tasks.length + 1);
    if (keyOfId.has(id)) throw fail('ID', `the id ${id} is used by an earlier row`);
    keyOfId.set(id, key);

    let level = 1;
    const levelText = cell('Outline Level');
    const outline = cell('Outline Number');
    if (levelText !== '') {
      level = Number(levelText);
      if (!Number.isInteger(level) || level < 1)
        throw fail('Outline Level', `"${levelText}" is not a level 1, 2, 3…`);
    } else if (outline !== '') {
      if (!/^\d+(\.\d+)*$/.test(outline))
        throw fail('Outline Number', `"${outline}" is not an outline number such as 1.2.3`);
      level = outline.split('.').length;
    }
    if (level > previousLevel + 1) {
      throw fail(
        levelText !== '' ? 'Outline Level' : 'Outline Number',
        `level ${level} cannot follow level ${previousLevel}`,
      );
    }
    previousLevel = level;
    while (parents.length > 0 && (parents.at(-1)?.level ?? 0) >= level) parents.pop();
    const parentKey = parents.at(-1)?.key ?? null;
    parents.push({ level, key });

    const durationText = cell('Duration');
    const duration = durationText === '' ? undefined : parseDuration(durationText, units);
    if (durationText !== '' && (duration === undefined || duration.minutes < 0)) {
      throw fail('Duration', `"${durationText}" is not a duration such as 3d, 4h or 2w`);
    }
    const flag = (column: CsvColumn) => {
      const value = cell(column).toLowerCase();
      if (truthy.has(value)) return true;
      if (falsy.has(value)) return false;
      throw fail(column, `"${cell(column)}" is not yes or no`);
    };
    const percentText = cell('Percent Complete').replace('%', '').trim();
    const percent = percentText === '' ? 0 : Number(percentText.replace(',', '.'));
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
      throw fail('Percent Complete', `"${cell('Percent Complete')}" is not a percentage from 0 to 100`);
    }
    const date = (column: CsvColumn) => {
      const value = cell(column);
      if (value === '') return null;
      try {
        return storedWallClock(instantOf(value.length === 10 ? `${value}T00:00` : value));
      } catch {
        throw fail(column, `"${value}" is not a date such as 2026-03-02 or 2026-03-02 08:00`);
      }
    };
    const constraintText = cell('Constraint Type');
    const constraintType =
      constraintText === '' ? 'asap' : constraintNames[constraintText.toLowerCase().replace(/[^a-z]/g, '')];
    if (constraintType === undefined) {
      throw fail(
        'Constraint Type',
        `"${constraintText}" is not a constraint such as ASAP or Start No Earlier Than`,
      );
    }
    const constraintDate = date('Constraint Date');
    if (constraintType !== 'asap' && constraintType !== 'alap' && constraintDate === null) {
      throw fail('Constraint Date', `the constraint ${constraintText} needs a date`);
    }
    const schedulingText = cell('Scheduling').toLowerCase();
    const manual = schedulingText.startsWith('manual');
    if (schedulingText !== '' && !manual && !schedulingText.startsWith('auto')) {
      throw fail('Scheduling', `"${cell('Scheduling')}" is not auto or manual`);
    }
    const rounded = Math.round(percent);
    tasks.push({
      key,
      parentKey,
      fields: {
        name,
        description: cell('Notes'),
        durationMinutes: duration?.minutes ?? 0,
        durationUnit: duration?.unit ?? 'days',
        elapsed: duration?.elapsed ?? false,
        isMilestone:
          cell('Milestone') === '' ? duration?.minutes === 0 && durationText !== '' : flag('Milestone'),
        percentComplete: rounded,
        status: rounded >= 100 ? 'done' : rounded > 0 ? 'in_progress' : 'todo',
        ...(rounded >= 100 && { completedAt: new Date() }),
        scheduling: manual ? 'manual' : 'auto',
        manualStart: manual ? (date('Manual Start') ?? date('Start')) : null,
        manualFinish: manual ? (date('Manual Finish') ?? date('Finish')) : null,
        constraintType,
        constraintDate: constraintType === 'asap' || constraintType === 'alap' ? null : constraintDate,
        deadline: date('Deadline'),
      },
    });
    const predecessors = cell('Predecessors');
    if (predecessors !== '') pending.push({ line: row.line, key, text: predecessors });
  }

  const links: LinkImage[] = [];
  const pairs = new Set<string>();
  const predecessorsColumn = columns.get('Predecessors')?.name ?? 'Predecessors';
  const lineOf = new Map(pending.map((entry) => [entry.key, entry.line]));
  for (const entry of pending) {
    const parsed = parsePredecessors(entry.text, units);
    if (!parsed.ok) throw cellError(entry.line, predecessorsColumn, parsed.message);
    for (const predecessor of parsed.entries) {
      const predecessorKey = keyOfId.get(predecessor.id);
      if (predecessorKey === undefined) {
        throw cellError(entry.line, predecessorsColumn, `task ${predecessor.id} is not a row of the file`);
      }
      if (predecessorKey === entry.key)
        throw cellError(entry.line, predecessorsColumn, 'a task cannot be its own predecessor');
      const pair = `${predecessorKey}>${entry.key}`;
      if (pairs.has(pair)) continue;
      pairs.add(pair);
      links.push({ predecessorKey, successorKey: entry.key, ...predecessor, type: predecessor.type });
    }
  }
  const cycle = findCycle(links);
  if (cycle !== undefined) {
    const names = cycle.map((key) => tasks.find((task) => task.key === key)?.fields.name ?? key);
    throw cellError(
      lineOf.get(cycle[0] as string) ?? 0,
      predecessorsColumn,
      `the links make a cycle: ${names.join(' → ')}`,
    );
  }
  return {
    tasks,
    links: links.map(({ predecessorKey, successorKey, type, lagMinutes, lagPercent }) => ({
      predecessorKey,
      successorKey,
      type,
      lagMinutes,
      lagPercent,
    })),
  };
}

/** The tasks of a dependency cycle among the links, first to last (the last links back to the first), if any. */
function findCycle(links: readonly LinkImage[]): string[] | undefined {
  const successors = new Map<string, string[]>();
  for (const link of links) {
    const list = successors.get(link.predecessorKey) ?? [];
    list.push(link.successorKey);
    successors.set(link.predecessorKey, list);
  }
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | undefined => {
    state.set(key, 'open');
    path.push(key);
    for (const next of successors.get(key) ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (state.get(next) === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(key, 'done');
    return undefined;
  };
  for (const key of successors.keys()) {
    if (state.get(key) === undefined) {
      const found = visit(key);
      if (found) return found;
    }
  }
  return undefined;
}
