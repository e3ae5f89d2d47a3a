import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMspdiFile } from '@tandem/interop';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runTandem } from '../../server/test/helpers/cli';

const chain = join(repoRoot, 'packages/interop/test-fixtures/mspdi/chain.xml');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-schedule-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('tandem schedule', () => {
  it('prints the project finish and the critical path by row id and name', async () => {
    const { status, stdout } = await runTandem(['schedule', chain]);
    expect(status).toBe(0);
    expect(stdout).toContain('Finish: 2026-01-09 17:00');
    expect(stdout).toMatch(
      /Critical path:\n +1 {2}Design \(UID 1\)\n +2 {2}Build \(UID 2\)\n +4 {2}Ship \(UID 4\)\n/,
    );
    expect(stdout).not.toContain('Write docs');
  });

  it('prints the same schedule when run from the TypeScript sources through tsx, as in development', async () => {
    const [fromSources, fromExecutable] = await Promise.all([
      runTandem(['schedule', chain], {}, 'sources'),
      runTandem(['schedule', chain]),
    ]);
    expect(fromSources.status, fromSources.stderr).toBe(0);
    expect(fromSources.stdout).toContain('Finish: 2026-01-09 17:00');
    expect(fromSources.stdout).toBe(fromExecutable.stdout);
  });

  it('writes the scheduled file with computed dates and slack in place of the saved ones', async () => {
    const stale = (await readFile(chain, 'utf8')).replaceAll('2026-01-09T17:00:00', '2026-02-27T17:00:00');
    const input = join(dir, 'stale.xml');
    const output = join(dir, 'scheduled.xml');
    await writeFile(input, stale);
    const { status, stdout } = await runTandem(['schedule', input, '--out', output]);
    expect(status).toBe(0);
    expect(stdout).toContain(`Wrote ${output}`);
    const written = await readMspdiFile(output);
    const fresh = await readMspdiFile(chain);
    for (const uid of [1, 2, 3, 4]) {
      const got = written.tasks.find((task) => task.UID === uid);
      const want = fresh.tasks.find((task) => task.UID === uid);
      expect(got?.LateFinish).toBe(want?.LateFinish);
      expect(got?.TotalSlack).toBe(want?.TotalSlack);
      expect(got?.Critical).toBe(want?.Critical);
    }
    expect(written.properties.FinishDate).toBe(fresh.properties.FinishDate);
  });

  it('names the tasks of a dependency cycle and exits non-zero', async () => {
    const cyclic = (await readFile(chain, 'utf8')).replace(
      '<UID>1</UID>\n\t\t\t<ID>1</ID>',
      '<UID>1</UID>\n\t\t\t<ID>1</ID>\n\t\t\t<PredecessorLink><PredecessorUID>4</PredecessorUID><Type>1</Type></PredecessorLink>',
    );
    const input = join(dir, 'cyclic.xml');
    await writeFile(input, cyclic);
    const { status, stderr } = await runTandem(['schedule', input]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/dependency cycle: .*Design/);
    expect(stderr).toMatch(/Ship/);
  });

  it('names the line and the element of a malformed value and exits non-zero', async () => {
    const bad = (await readFile(chain, 'utf8')).replace(
      '<ConstraintType>0</ConstraintType>',
      '<ConstraintType>x</ConstraintType>',
    );
    const input = join(dir, 'bad.xml');
    await writeFile(input, bad);
    const { status, stderr } = await runTandem(['schedule', input]);
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /^Cannot read .*bad\.xml: line \d+: <ConstraintType> value "x" is not a number\n$/,
    );
  });

  it('says so when the file does not exist or is not XML', async () => {
    const missing = await runTandem(['schedule', join(dir, 'nope.xml')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.xml: no such file');
    const text = join(dir, 'text.xml');
    await writeFile(text, 'not xml at all');
    const garbage = await runTandem(['schedule', text]);
    expect(garbage.status).toBe(1);
    expect(garbage.stderr).toMatch(/text\.xml: line \d+: malformed XML: text data outside of root node/);
  });

  it('asks for a file when none is given', async () => {
    const { status, stderr } = await runTandem(['schedule']);
    expect(status).toBe(2);
    expect(stderr).toContain('Usage: tandem schedule FILE.xml');
  });
});
