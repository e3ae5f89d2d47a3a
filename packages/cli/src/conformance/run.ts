import { stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkConformance, hasSavedResults, readMspdiFile } from '@tandem/interop';
import { findXmlFiles } from './find-files';
import { findReference, readReference, referenceRow } from './reference';

/** The result for one corpus file. */
export interface FileConformance {
  /** Path relative to the directory searched, with `/` separators. */
  readonly file: string;
  readonly status: 'reproduced' | 'differs' | 'failed' | 'skipped';
  readonly tasksMatched: number;
  readonly tasksTotal: number;
  /** The first differences (or the failure), one per line. */
  readonly details: readonly string[];
  /** Milliseconds to read, schedule and compare the file. */
  readonly ms?: number;
  /** MPXJ's result for this file, when the reference table lists it. */
  readonly reference?: boolean;
}

/** Totals over the files that carry computed values. */
export interface ConformanceSummary {
  readonly files: readonly FileConformance[];
  readonly filesReproduced: number;
  readonly filesCompared: number;
  readonly tasksMatched: number;
  readonly tasksTotal: number;
  /** Files MPXJ reproduces (among those compared) and how many of them we reproduce too; absent with no reference. */
  readonly versusReference?: {
    /** Rows of the reference table, and how many of them MPXJ reproduces (empty files included). */
    readonly listed: number;
    readonly listedReproduced: number;
    /** Among the files compared here: MPXJ's reproduced ones, those we reproduce too, and ours that MPXJ misses. */
    readonly theirs: number;
    readonly both: number;
    readonly onlyOurs: number;
  };
}

/** Options of one conformance run. */
export interface ConformanceOptions {
  /** Receives each line of the report as it is produced. */
  readonly print?: (line: string) => void;
  /** Where to write the per-file table. */
  readonly tsvPath?: string;
  /** How many differences to print per file that is not reproduced (default 5). */
  readonly showDifferences?: number;
  /** The peer table; found beside the corpus when absent; `false` to skip the comparison. */
  readonly referencePath?: string | false;
}

/** Schedules every MSPDI file under `dir` from its inputs and compares it with MS Project's saved values. */
export async function runConformance(
  dir: string,
  options: ConformanceOptions = {},
): Promise<ConformanceSummary> {
  const print = options.print ?? (() => {});
  const referencePath =
    options.referencePath === false ? undefined : (options.referencePath ?? (await findReference(dir)));
  const reference = referencePath === undefined ? undefined : await readReference(referencePath);
  const files: FileConformance[] = [];
  const root = (await stat(dir)).isFile() ? dirname(dir) : dir;
  for (const file of await findXmlFiles(dir)) {
    const started = performance.now();
    const checked = await checkFile(join(root, file), file, options.showDifferences ?? 5);
    const result = { ...checked, ms: Math.round(performance.now() - started) };
    const row = reference === undefined ? undefined : referenceRow(reference, file);
    const withReference = row === undefined ? result : { ...result, reference: row };
    files.push(withReference);
    if (result.status === 'skipped') continue;
    print(result.status === 'reproduced' ? `${file}: reproduced` : `${file}: ${result.details[0]}`);
    for (const line of result.details.slice(1)) print(`    ${line}`);
  }
  const compared = files.filter((file) => file.status !== 'skipped');
  const summary: ConformanceSummary = {
    files,
    filesReproduced: compared.filter((file) => file.status === 'reproduced').length,
    filesCompared: compared.length,
    tasksMatched: compared.reduce((sum, file) => sum + file.tasksMatched, 0),
    tasksTotal: compared.reduce((sum, file) => sum + file.tasksTotal, 0),
    ...(reference && {
      versusReference: {
        listed: reference.size,
        listedReproduced: [...reference.values()].filter(Boolean).length,
        ...versus(compared),
      },
    }),
  };
  if (options.tsvPath !== undefined) await writeFile(options.tsvPath, toTsv(files));
  const skipped = files.length - compared.length;
  if (skipped > 0) print(`skipped ${skipped} file(s) without computed task values or that cannot be read`);
  if (summary.versusReference) {
    const { listed, listedReproduced, theirs, both, onlyOurs } = summary.versusReference;
    print(`MPXJ's reference: ${listedReproduced} of the ${listed} files it lists reproduced`);
    print(
      `of the files compared here MPXJ reproduces ${theirs}; we reproduce ${both} of those, and ${onlyOurs} that MPXJ does not`,
    );
  }
  print(`files reproduced: ${summary.filesReproduced}/${summary.filesCompared}`);
  print(`tasks matched: ${summary.tasksMatched}/${summary.tasksTotal}`);
  return summary;
}

async function checkFile(path: string, file: string, shown: number): Promise<FileConformance> {
  let project: Awaited<ReturnType<typeof readMspdiFile>>;
  try {
    project = await readMspdiFile(path);
  } catch (error) {
    // Not an MSPDI document (or not a readable one): there is nothing to compare.
    return { file, status: 'skipped', tasksMatched: 0, tasksTotal: 0, details: [String(error)] };
  }
  if (!hasSavedResults(project)) {
    return { file, status: 'skipped', tasksMatched: 0, tasksTotal: 0, details: ['no computed task values'] };
  }
  const result = checkConformance(project);
  if (!result.ok) {
    return {
      file,
      status: 'failed',
      tasksMatched: 0,
      tasksTotal: result.taskCount,
      details: [result.message],
    };
  }
  const differing = result.tasks.filter((task) => task.differences.length > 0);
  const tasksTotal = result.tasks.length;
  if (differing.length === 0)
    return { file, status: 'reproduced', tasksMatched: tasksTotal, tasksTotal, details: [] };
  const lines = differing.flatMap((task) =>
    task.differences.map(
      (d) =>
        `UID ${task.uid} (ID ${task.id ?? '?'}) "${task.name}" ${d.field}: expected ${d.expected}, got ${d.got}`,
    ),
  );
  return {
    file,
    status: 'differs',
    tasksMatched: tasksTotal - differing.length,
    tasksTotal,
    details: [`${differing.length} of ${tasksTotal} tasks differ`, ...lines.slice(0, shown)],
  };
}

function versus(compared: readonly FileConformance[]): { theirs: number; both: number; onlyOurs: number } {
  const ours = (file: FileConformance) => file.status === 'reproduced';
  return {
    theirs: compared.filter((file) => file.reference === true).length,
    both: compared.filter((file) => file.reference === true && ours(file)).length,
    onlyOurs: compared.filter((file) => file.reference === false && ours(file)).length,
  };
}

/** The per-file table: file, status, tasks matched, tasks compared, milliseconds, MPXJ's result, first difference. */
function toTsv(files: readonly FileConformance[]): string {
  const clean = (text: string) => text.replace(/[\t\n\r]/g, ' ');
  const rows = files.map((file) =>
    [
      file.file,
      file.status,
      file.tasksMatched,
      file.tasksTotal,
      file.ms ?? '',
      file.reference === undefined ? '' : String(file.reference),
      clean(file.details.slice(0, 2).join(' | ')),
    ].join('\t'),
  );
  return `${['file', 'status', 'tasks_matched', 'tasks_total', 'ms', 'mpxj_reproduced', 'first_difference'].join('\t')}\n${rows.join('\n')}\n`;
}
