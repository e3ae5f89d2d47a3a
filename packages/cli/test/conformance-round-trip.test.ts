import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { scheduleProject } from '@tandem/core/schedule/schedule';
import {
  applySchedule,
  checkConformance,
  readMspdiFile,
  readMspdiString,
  toScheduleProject,
  writeMspdi,
} from '@tandem/interop';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../server/test/helpers/cli';
import { findXmlFiles } from '../src/conformance/find-files';

const corpus = join(repoRoot, '../shared/corpus');

describe('MSPDI files of the shared corpus', () => {
  if (!existsSync(corpus)) {
    it.skip('round-trip when ../shared/corpus exists beside the checkout', () => {});
    console.log(`corpus round trip skipped: ${corpus} does not exist`);
    return;
  }

  it('all read, and read → write → read gives an equal structure', { timeout: 600_000 }, async () => {
    const files = await findXmlFiles(corpus);
    expect(files.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const file of files) {
      try {
        const first = await readMspdiFile(join(corpus, file));
        const second = await readMspdiString(writeMspdi(first));
        if (!isDeepStrictEqual(first, second)) failures.push(`${file}: differs after a round trip`);
      } catch (error) {
        failures.push(`${file}: ${String(error)}`);
      }
    }
    console.log(`round-tripped ${files.length - failures.length}/${files.length} corpus files`);
    expect(failures).toEqual([]);
  });

  it('reproduces every file it scheduled and wrote back, when the written file is scheduled again', {
    timeout: 600_000,
  }, async () => {
    const files = await findXmlFiles(corpus);
    const failures: string[] = [];
    let scheduled = 0;
    for (const file of files) {
      const project = await readMspdiFile(join(corpus, file));
      const result = scheduleProject(toScheduleProject(project));
      if (!result.ok) continue;
      scheduled++;
      const again = checkConformance(await readMspdiString(writeMspdi(applySchedule(project, result))));
      const differing = again.ok ? again.tasks.find((task) => task.differences.length > 0) : undefined;
      if (!again.ok) failures.push(`${file}: ${again.message}`);
      else if (differing)
        failures.push(`${file}: UID ${differing.uid} ${JSON.stringify(differing.differences[0])}`);
    }
    console.log(
      `self-consistent after tandem schedule --out: ${scheduled - failures.length}/${scheduled} corpus files`,
    );
    expect(failures).toEqual([]);
  });
});
