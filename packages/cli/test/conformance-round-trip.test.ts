import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { readMspdiFile, readMspdiString, writeMspdi } from '@tandem/interop';
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
});
