import type { Page } from 'playwright-core';
import { beforeEach, onTestFailed } from 'vitest';

/**
 * Keeps a screenshot of the page of every test that fails, as `test-results/<prefix>-<test name>.png`. Call it once in a
 * file or describe block; the page is given by a function because it is opened in `beforeAll`.
 * @example screenshotOnFailure('board', () => page);
 */
export function screenshotOnFailure(
  prefix: string,
  pageOf: () => Page | undefined,
  options: { fullPage?: boolean } = {},
): void {
  beforeEach(({ task }) => {
    onTestFailed(async () => {
      await pageOf()
        ?.screenshot({ path: `test-results/${prefix}-${task.name.replace(/\W+/g, '-')}.png`, ...options })
        .catch(() => {});
    });
  });
}
