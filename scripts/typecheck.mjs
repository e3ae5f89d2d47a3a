// Type-checks every package's TypeScript project, several at a time: one `tsc` keeps one core busy, so checking them one
// after another left the others idle. Each project's output is printed whole when it ends, and the exit status is 1
// when any of them failed. Run by hand: `node scripts/typecheck.mjs` (or `npm run typecheck`).
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
// The longest checks first (those that reach the most files), so the short ones fill the gaps at the end.
const projects = [
  'tsconfig.tools.json',
  'packages/cli',
  'packages/server',
  'packages/web',
  'packages/interop',
  'packages/core',
];

/** Runs `tsc -p project` and resolves with its exit status and everything it printed. */
function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', (error) => resolve({ project, status: 1, output: `${output}${error.message}\n` }));
    child.once('close', (status) => resolve({ project, status: status ?? 1, output }));
  });
}

const queue = [...projects];
let failed = false;
async function lane() {
  for (let project = queue.shift(); project !== undefined; project = queue.shift()) {
    const result = await check(project);
    if (result.output) process.stdout.write(result.output);
    if (result.status !== 0) {
      failed = true;
      process.stderr.write(`tsc -p ${result.project} failed\n`);
    }
  }
}

await Promise.all(
  Array.from({ length: Math.min(projects.length, Math.max(2, availableParallelism())) }, lane),
);
process.exitCode = failed ? 1 : 0;
