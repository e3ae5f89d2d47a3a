/** One `tandem` sub-command: `main.ts` dispatches `tandem <name> ...args` to it and exits with its status. */
export interface CliCommand {
  name: string;
  /** One line for `tandem help`. */
  summary: string;
  /** Usage text printed on `--help` and on a usage error. */
  usage: string;
  run(args: readonly string[]): Promise<number>;
}
