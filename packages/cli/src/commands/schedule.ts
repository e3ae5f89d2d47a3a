import { writeFile } from 'node:fs/promises';
import type { ScheduleSuccess } from '@tandem/core/schedule/model';
import { scheduleProject } from '@tandem/core/schedule/schedule';
import {
  applySchedule,
  describeFailure,
  formatMspdiDate,
  MspdiError,
  type MspdiProject,
  readMspdiFile,
  toScheduleProject,
  writeMspdi,
} from '@tandem/interop';
import { parseArgs, stringFlag, UsageError } from '../args';
import { type CliCommand, fail } from '../command';

/** `tandem schedule FILE.xml [--out OUT.xml]`: schedules an MS Project XML file from its inputs alone. */
export const scheduleCommand: CliCommand = {
  name: 'schedule',
  summary: 'Schedule an MS Project XML file and print its finish and critical path',
  usage: 'tandem schedule FILE.xml [--out SCHEDULED.xml]',
  async run(args) {
    const parsed = parseArgs(args);
    const [file, ...extra] = parsed.positional;
    if (file === undefined) throw new UsageError('Name the MS Project XML file to schedule.');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
    const out = stringFlag(parsed, 'out');

    let project: MspdiProject;
    progress(`Reading ${file}…`);
    try {
      project = await readMspdiFile(file);
    } catch (error) {
      return fail(`Cannot read ${file}: ${readError(error)}`);
    }
    let input: ReturnType<typeof toScheduleProject>;
    try {
      input = toScheduleProject(project);
    } catch (error) {
      return fail(`Cannot schedule ${file}: ${readError(error)}`);
    }
    progress(`Scheduling ${input.tasks.length} tasks and ${input.links.length} links…`);
    const result = scheduleProject(input);
    if (!result.ok) return fail(`Cannot schedule ${file}: ${describeFailure(result)}`);

    process.stdout.write(report(project, result));
    if (out !== undefined) {
      await writeFile(out, writeMspdi(applySchedule(project, result)));
      process.stdout.write(`Wrote ${out}\n`);
    }
    return 0;
  },
};

/** Progress goes to a terminal only, so that piped output and error text stay clean. */
function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`${message}\n`);
}

function readError(error: unknown): string {
  if (error instanceof MspdiError) return error.message;
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return 'no such file';
  return error instanceof Error ? error.message : String(error);
}

const showDate = (instant: number) => formatMspdiDate(instant).slice(0, 16).replace('T', ' ');

/** The printed summary: span, then each critical path as its tasks' row ids and names. */
function report(project: MspdiProject, result: ScheduleSuccess): string {
  const byUid = new Map(project.tasks.map((task) => [String(task.UID), task]));
  const lines = [`Start:  ${showDate(result.start)}`, `Finish: ${showDate(result.finish)}`];
  const paths = result.criticalPaths.filter((path) => path.length > 0);
  if (paths.length === 0) lines.push('No critical path: every task has slack.');
  paths.forEach((path, index) => {
    lines.push(paths.length === 1 ? 'Critical path:' : `Critical path ${index + 1}:`);
    for (const id of path) {
      const task = byUid.get(id);
      lines.push(`  ${String(task?.ID ?? '?').padStart(4)}  ${task?.Name ?? ''} (UID ${id})`);
    }
  });
  return `${lines.join('\n')}\n`;
}
