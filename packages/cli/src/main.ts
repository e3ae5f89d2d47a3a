import { UsageError } from './args';
import type { CliCommand } from './command';
import { commands } from './commands/index';

/** Runs `tandem <command> ...args` and resolves with the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  const name = first === undefined || first.startsWith('--') ? 'serve' : first;
  const args = first === undefined || first.startsWith('--') ? argv : rest;
  if (name === 'help' || name === '--help' || name === '-h') {
    printHelp(commands);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n`);
    printHelp(commands);
    return 2;
  }
  if (args.includes('--help')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function printHelp(all: readonly CliCommand[]): void {
  const width = Math.max(...all.map((command) => command.name.length));
  const lines = all.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  process.stdout.write(
    `Usage: tandem <command> [options]\n\nCommands:\n${lines.join('\n')}\n  ${'help'.padEnd(width)}  Show this help\n\nRun "tandem <command> --help" for a command's options.\n`,
  );
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
