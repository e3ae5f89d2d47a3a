import type { Database } from '../../db/client';
import { csvColumns } from './csv-columns';
import { formatCsv } from './csv-text';
import { formatDuration } from './duration-text';
import { exportSources, fileNameOf } from './mspdi-export';
import { formatPredecessors, type PredecessorEntry } from './predecessors';
import { wallClockText } from './wall-time';

const constraintLabels: Record<string, string> = {
  asap: 'As Soon As Possible',
  alap: 'As Late As Possible',
  snet: 'Start No Earlier Than',
  snlt: 'Start No Later Than',
  fnet: 'Finish No Earlier Than',
  fnlt: 'Finish No Later Than',
  mso: 'Must Start On',
  mfo: 'Must Finish On',
};

const cellDate = (t: number | undefined) => (t === undefined ? '' : wallClockText(t).replace('T', ' '));

/**
 * The project's tasks as CSV, one row per task in outline order: ID, outline number and level, name, duration, the
 * computed start and finish, predecessors as MS Project writes them (`3FS+2d;5SS`), and the scheduling inputs.
 * The CSV import reads the same columns back.
 */
export async function exportCsv(
  db: Database,
  userId: string,
  projectId: string,
): Promise<{ fileName: string; csv: string }> {
  const { row, input, schedule, notes } = await exportSources(db, userId, projectId);
  const plan = input.project;
  const rowId = new Map(plan.tasks.map((task, index) => [task.id as string, String(index + 1)]));
  const dates = new Map(schedule.tasks.map((task) => [task.id, task]));
  const predecessors = new Map<string, PredecessorEntry[]>();
  for (const link of plan.links) {
    const list = predecessors.get(link.successorId) ?? [];
    list.push({
      id: rowId.get(link.predecessorId) ?? '',
      type: link.type,
      lagMinutes: 'minutes' in link.lag ? link.lag.minutes : 0,
      lagPercent: 'percent' in link.lag ? link.lag.percent : null,
    });
    predecessors.set(link.successorId, list);
  }
  const rows: string[][] = [[...csvColumns]];
  plan.tasks.forEach((task, index) => {
    const scheduled = dates.get(task.id);
    rows.push([
      String(index + 1),
      input.outline[index] ?? '',
      String(input.levels[index] ?? 1),
      task.name,
      formatDuration(task.durationMinutes, task.durationUnit, plan.units, task.elapsed),
      scheduled ? scheduled.start.replace('T', ' ') : '',
      scheduled ? scheduled.finish.replace('T', ' ') : '',
      formatPredecessors(predecessors.get(task.id) ?? [], plan.units),
      task.isMilestone ? 'Yes' : 'No',
      String(task.percentComplete),
      task.manual ? 'Manual' : 'Auto',
      task.manual ? cellDate(task.manualStart) : '',
      task.manual ? cellDate(task.manualFinish) : '',
      constraintLabels[task.constraint.type] ?? '',
      cellDate(task.constraint.date),
      cellDate(task.deadline),
      notes.get(task.id) ?? '',
    ]);
  });
  return { fileName: fileNameOf(row.name, 'csv'), csv: formatCsv(rows) };
}
