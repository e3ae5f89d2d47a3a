import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Test files run side by side, at least two at a time even on two cores: most of a file's time is spent waiting on
// PostgreSQL, a spawned `tandem` or Chromium, so a second file uses the core the first one leaves idle. Files share no
// state: each database file creates its own database, each end-to-end file and spawned server its own embedded cluster
// on a free port, and each temporary folder is made with mkdtemp. The count is the same in every project, because
// Vitest runs projects with the same count together.
const maxWorkers = Math.max(2, availableParallelism());

// Three suites: pure unit tests beside the code, database/HTTP tests against a real PostgreSQL,
// and end-to-end tests that drive Chromium through the web app.
export default defineConfig({
  test: {
    maxWorkers,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          maxWorkers,
        },
      },
      {
        test: {
          name: 'db',
          include: ['packages/server/test/**/*.test.ts', 'packages/cli/test/**/*.test.ts'],
          environment: 'node',
          // One PostgreSQL for the whole run (or DATABASE_URL); each test file creates its own database on it.
          globalSetup: ['packages/server/test/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          // The web app is built once per run and served by every file's own server.
          globalSetup: ['e2e/harness/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers,
        },
      },
    ],
  },
});
