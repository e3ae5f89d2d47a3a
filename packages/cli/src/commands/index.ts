import type { CliCommand } from '../command';
import { apiCommand } from './api';
import { backupCommand } from './backup';
import { createAdminCommand } from './create-admin';
import { demoCommand } from './demo';
import { migrateCommand } from './migrate';
import { restoreCommand } from './restore';
import { scheduleCommand } from './schedule';
import { serveCommand } from './serve';

// The commands import the server's modules when they run, not here: `tandem help`, `tandem api`, `tandem schedule` and
// the primary of `serve --workers` then never evaluate every route and schema of the server.

/** Every `tandem` command, in the order `tandem help` lists them. */
export const commands: readonly CliCommand[] = [
  serveCommand,
  migrateCommand,
  createAdminCommand,
  backupCommand,
  restoreCommand,
  demoCommand,
  scheduleCommand,
  apiCommand,
];
