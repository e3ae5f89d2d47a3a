import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';

/**
 * Every `.xml` file under `dir`, recursively, as paths relative to `dir` with `/` separators, sorted; a file given
 * instead of a directory is its own single entry (relative to its folder).
 */
export async function findXmlFiles(dir: string): Promise<string[]> {
  if ((await stat(dir)).isFile()) return [basename(dir)];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.xml'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
