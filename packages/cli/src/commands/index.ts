import type { CliCommand } from '../command';
import { migrateCommand } from './migrate';
import { serveCommand } from './serve';

/** Every `tandem` command, in the order `tandem help` lists them. */
export const commands: readonly CliCommand[] = [serveCommand, migrateCommand];
