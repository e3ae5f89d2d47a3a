import { fileURLToPath } from 'node:url';

/** Absolute path of a hand-written fixture under `packages/interop/test-fixtures/mspdi/`. */
export function mspdiFixture(name: string): string {
  return fileURLToPath(new URL(`../../test-fixtures/mspdi/${name}`, import.meta.url));
}
