import { describe, expect, it } from 'vitest';
import { violationsIn } from './check-arrows';

describe('package arrows', () => {
  it('lets server import core and interop', () => {
    const text = "import { schedule } from '@tandem/core';\nimport { readMspdi } from '@tandem/interop';";
    expect(violationsIn('server', 'x.ts', text)).toEqual([]);
  });

  it('refuses core importing any workspace package', () => {
    const found = violationsIn('core', 'x.ts', "import { db } from '@tandem/server';");
    expect(found.map((v) => v.reason)).toEqual(['core may not depend on server']);
  });

  it('refuses interop importing server', () => {
    expect(violationsIn('interop', 'x.ts', "import '@tandem/server';")).toHaveLength(1);
  });

  it('lets web take only types from server', () => {
    expect(violationsIn('web', 'x.ts', "import type { User } from '@tandem/server';")).toEqual([]);
    expect(violationsIn('web', 'x.ts', "import { createApp } from '@tandem/server';")[0]?.reason).toBe(
      'web may import only types from server',
    );
  });

  it('refuses Node modules and ambient time in core but not in its tests', () => {
    expect(violationsIn('core', 'a.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(violationsIn('core', 'a.ts', 'const now = Date.now();')).toHaveLength(1);
    expect(violationsIn('core', 'a.test.ts', 'const now = Date.now();')).toEqual([]);
  });

  it('catches dynamic imports across the ladder', () => {
    expect(violationsIn('core', 'x.ts', "const m = await import('@tandem/interop');")).toHaveLength(1);
  });
});
