import { access, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** The name of the peer result table that the corpus ships beside its files. */
export const REFERENCE_NAME = 'reference-mpxj-reproduction.tsv';

/** Per corpus file (path relative to the corpus root), whether MPXJ's scheduler reproduced it. */
export type ReferenceTable = ReadonlyMap<string, boolean>;

/** Looks for the reference table in `dir` and then in its parents; undefined when there is none. */
export async function findReference(dir: string): Promise<string | undefined> {
  let current = resolve(dir);
  for (;;) {
    const candidate = join(current, REFERENCE_NAME);
    try {
      await access(candidate);
      return candidate;
    } catch {
      const parent = dirname(current);
      if (parent === current) return undefined;
      current = parent;
    }
  }
}

/** Parses the reference table: `#` comments, a header row, then `corpus_file reproduced …` rows. */
export async function readReference(path: string): Promise<ReferenceTable> {
  const table = new Map<string, boolean>();
  for (const line of (await readFile(path, 'utf8')).split('\n')) {
    if (line.startsWith('#') || line.trim() === '' || line.startsWith('corpus_file\t')) continue;
    const [file, reproduced] = line.split('\t');
    if (file && reproduced) table.set(file, reproduced.trim() === 'true');
  }
  return table;
}

/**
 * Finds a file's row: reference paths are relative to the corpus root while ours are relative to the directory given,
 * which may be a sub-folder of it, so the longest reference path that ends with ours wins.
 */
export function referenceRow(table: ReferenceTable, file: string): boolean | undefined {
  const direct = table.get(file);
  if (direct !== undefined) return direct;
  for (const [path, reproduced] of table) if (path.endsWith(`/${file}`)) return reproduced;
  return undefined;
}
