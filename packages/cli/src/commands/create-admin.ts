import { createInterface } from 'node:readline';
import { parseArgs, stringFlag, UsageError } from '../args';
import type { CliCommand } from '../command';
import { withMigratedDatabase } from './database-options';

/** Reads a password from the terminal without echoing it. */
function promptPassword(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    let asked = false;
    output._writeToOutput = (text: string) => {
      // Echo the question once, then nothing of what is typed.
      if (!asked) {
        asked = true;
        process.stderr.write(text);
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/** `tandem create-admin`: creates an instance owner account from the command line. */
export const createAdminCommand: CliCommand = {
  name: 'create-admin',
  summary: 'Create an instance owner account (prompts for a password, or generates one)',
  usage:
    'tandem create-admin --email you@example.com --name "Your Name" [--password ...] [--data-dir ./.tandem]',
  async run(args) {
    const parsed = parseArgs(args);
    const email = stringFlag(parsed, 'email');
    const name = stringFlag(parsed, 'name');
    if (!email || !name) throw new UsageError('--email and --name are required');
    let password = stringFlag(parsed, 'password');
    if (password === undefined && process.stdin.isTTY) {
      const typed = await promptPassword('Password (at least 10 characters; empty to generate one): ');
      password = typed === '' ? undefined : typed;
    }
    return withMigratedDatabase(parsed, async (db) => {
      const { CreateAdminError, createAdmin } = await import('@tandem/server/admin/create-admin');
      try {
        const admin = await createAdmin(db, { email, name, password });
        process.stdout.write(`Created the instance owner ${admin.name} <${admin.email}>.\n`);
        if (admin.generatedPassword) {
          process.stdout.write(
            `Password: ${admin.generatedPassword}\n(shown once; change it after signing in)\n`,
          );
        }
        return 0;
      } catch (error) {
        if (error instanceof CreateAdminError) {
          process.stderr.write(`${error.message}\n`);
          return 1;
        }
        throw error;
      }
    });
  },
};
