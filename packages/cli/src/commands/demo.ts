import type { DemoResult } from '@tandem/server/demo/load-demo';
import { parseArgs } from '../args';
import type { CliCommand } from '../command';
import { withMigratedDatabase } from './database-options';

/** How to sign in to the demo workspace, for the terminal. */
export function demoSignInText(demo: DemoResult, url: string | undefined): string {
  const lines = [
    demo.created
      ? `Loaded the demo workspace: 3 products, a program, 3 projects with ${demo.taskCount} tasks.`
      : 'The demo workspace was already loaded; its accounts have a new password.',
    `Sign in${url ? ` at ${url}` : ''} as any of these accounts, all with the password ${demo.password}`,
    ...demo.accounts.map((account) => `  ${account.email.padEnd(32)} ${account.name} (${account.role})`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `tandem demo`: loads the demo workspace (once; later runs renew the demo accounts' password). */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Load the demo workspace (products, a program, three projects with a few hundred tasks)',
  usage: 'tandem demo [--data-dir ./.tandem] [--database-url postgres://...]',
  async run(args) {
    return withMigratedDatabase(parseArgs(args), async (db) => {
      const { loadDemo } = await import('@tandem/server/demo/load-demo');
      process.stdout.write(demoSignInText(await loadDemo(db), undefined));
      return 0;
    });
  },
};
