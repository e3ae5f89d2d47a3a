import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureServerBuilt, isBuildFresh } from './ensure-server-built.mjs';

let dir: string;
let entry: string;
let outfile: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-bundle-'));
  mkdirSync(join(dir, 'src', 'data'), { recursive: true });
  entry = join(dir, 'src', 'main.ts');
  outfile = join(dir, 'out', 'bundle.mjs');
  writeFileSync(join(dir, 'src', 'data', 'note.txt'), 'beside the source\n');
  writeFileSync(
    join(dir, 'src', 'data', 'reader.ts'),
    "import { readFileSync } from 'node:fs';\nexport const note = (): string => readFileSync(new URL('./note.txt', import.meta.url), 'utf8');\nexport const folder: string = import.meta.dirname;\n",
  );
  writeFileSync(join(dir, 'src', 'value.ts'), 'export const value: number = 1;\n');
  writeFileSync(
    entry,
    "import { folder, note } from './data/reader';\nimport { value } from './value';\nexport const result = { value, note: note(), folder };\n",
  );
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(version: number): Promise<{ value: number; note: string; folder: string }> {
  // A query string per load: Node caches an imported module by URL.
  const module = (await import(`${pathToFileURL(outfile).href}?v=${version}`)) as {
    result: { value: number; note: string; folder: string };
  };
  return module.result;
}

describe('the prebuilt server bundle', () => {
  it('is built when missing and reused while no source changed', async () => {
    expect(isBuildFresh(outfile)).toBe(false);
    await ensureServerBuilt({ entry, outfile, quiet: true });
    expect(isBuildFresh(outfile)).toBe(true);
    const built = readFileSync(outfile, 'utf8');
    await ensureServerBuilt({ entry, outfile, quiet: true });
    expect(readFileSync(outfile, 'utf8')).toBe(built);
    expect((await run(1)).value).toBe(1);
  });

  it('is rebuilt when a file it was built from changes, even to an older modification time', async () => {
    await ensureServerBuilt({ entry, outfile, quiet: true });
    const source = join(dir, 'src', 'value.ts');
    writeFileSync(source, 'export const value: number = 2;\n');
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(source, past, past);
    expect(isBuildFresh(outfile)).toBe(false);
    await ensureServerBuilt({ entry, outfile, quiet: true });
    expect(isBuildFresh(outfile)).toBe(true);
    expect((await run(2)).value).toBe(2);
  });

  it('is stale when a file it was built from is deleted', async () => {
    await ensureServerBuilt({ entry, outfile, quiet: true });
    rmSync(join(dir, 'src', 'value.ts'));
    expect(isBuildFresh(outfile)).toBe(false);
  });

  it("gives each bundled file its own import.meta.url and dirname, not the bundle's", async () => {
    await ensureServerBuilt({ entry, outfile, quiet: true });
    const result = await run(3);
    expect(result.note).toBe('beside the source\n');
    expect(result.folder).toBe(join(dir, 'src', 'data'));
  });
});

describe('two builds at once', () => {
  it("is stale when the list of inputs beside the bundle was written for another build's bundle", async () => {
    await ensureServerBuilt({ entry, outfile, quiet: true });
    const other = `${readFileSync(outfile, 'utf8')}\n// another build\n`;
    writeFileSync(outfile, other);
    expect(isBuildFresh(outfile)).toBe(false);
  });
});
