/** The columns Tandem writes and reads in a task CSV, in the order it writes them. */
export const csvColumns = [
  'ID',
  'Outline Number',
  'Outline Level',
  'Name',
  'Duration',
  'Start',
  'Finish',
  'Predecessors',
  'Milestone',
  'Percent Complete',
  'Scheduling',
  'Manual Start',
  'Manual Finish',
  'Constraint Type',
  'Constraint Date',
  'Deadline',
  'Notes',
] as const;

/** A column of the task CSV. */
export type CsvColumn = (typeof csvColumns)[number];

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

// Other names spreadsheets and MS Project's own export give the same columns.
const aliases: Record<string, CsvColumn> = {
  id: 'ID',
  outlinenumber: 'Outline Number',
  wbs: 'Outline Number',
  outlinelevel: 'Outline Level',
  level: 'Outline Level',
  name: 'Name',
  taskname: 'Name',
  duration: 'Duration',
  start: 'Start',
  finish: 'Finish',
  predecessors: 'Predecessors',
  milestone: 'Milestone',
  percentcomplete: 'Percent Complete',
  complete: 'Percent Complete',
  scheduling: 'Scheduling',
  taskmode: 'Scheduling',
  manualstart: 'Manual Start',
  manualfinish: 'Manual Finish',
  constrainttype: 'Constraint Type',
  constraintdate: 'Constraint Date',
  deadline: 'Deadline',
  notes: 'Notes',
  description: 'Notes',
};

/** Where each known column sits in a header row (unknown columns are ignored); the header's own spelling is kept. */
export function locateColumns(header: readonly string[]): Map<CsvColumn, { index: number; name: string }> {
  const found = new Map<CsvColumn, { index: number; name: string }>();
  header.forEach((name, index) => {
    const column = aliases[normalise(name)];
    if (column !== undefined && !found.has(column)) found.set(column, { index, name: name.trim() });
  });
  return found;
}
