/** Flags and positional arguments of one command line. */
export interface ParsedArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

/** Splits `--name value`, `--name=value` and `--flag` (for names in `booleans`) from positional arguments. */
export function parseArgs(args: readonly string[], booleans: readonly string[] = []): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else if (booleans.includes(arg.slice(2)) || i + 1 >= args.length || args[i + 1]!.startsWith('--')) {
      flags.set(arg.slice(2), true);
    } else {
      flags.set(arg.slice(2), args[i + 1]!);
      i++;
    }
  }
  return { flags, positional };
}

/** A flag's string value, or undefined when absent; a bare `--name` without a value is a usage error. */
export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.flags.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

/** The one positional argument a command takes, or a usage error with `message` when there is none or more. */
export function onePositional(parsed: ParsedArgs, message: string): string {
  const [first, extra] = parsed.positional;
  if (!first || extra !== undefined) throw new UsageError(message);
  return first;
}

/** Thrown for a bad command line; `main` prints the message and the command's usage, and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
