import type { CliCommand } from '../command';
import { serveCommand } from './serve';

/** Every `tandem` command, in the order `tandem help` lists them. */
export const commands: readonly CliCommand[] = [serveCommand];
