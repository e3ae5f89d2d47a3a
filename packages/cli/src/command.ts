/** One `tandem` sub-command: `main.ts` dispatches `tandem <name> ...args` to it and exits with its status. */
export interface CliCommand {
  name: string;
  /** One line for `tandem help`. */
  summary: string;
  /** Usage text printed on `--help` and on a usage error. */
  usage: string;
  run(args: readonly string[]): Promise<number>;
}

/** Prints a command's failure on standard error and returns its exit status, 1. */
export function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}
