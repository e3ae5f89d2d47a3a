import { parseArgs, stringFlag, UsageError } from './args';
import { runConformance } from './conformance/run';

const USAGE =
  'npm run conformance -- DIR|FILE [--tsv OUT.tsv] [--show 5] [--reference reference-mpxj-reproduction.tsv]';

/** `npm run conformance -- DIR`: schedules every MSPDI file under DIR and compares it with MS Project's saved values. */
async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  const [dir, ...extra] = parsed.positional;
  if (dir === undefined || extra.length > 0 || parsed.flags.has('help')) {
    process.stderr.write(`Usage: ${USAGE}\n`);
    return dir === undefined || extra.length > 0 ? 2 : 0;
  }
  const tsvPath = stringFlag(parsed, 'tsv');
  const referencePath = stringFlag(parsed, 'reference');
  const show = Number(stringFlag(parsed, 'show') ?? 5);
  if (!Number.isInteger(show) || show < 0) throw new UsageError('--show needs a whole number');
  await runConformance(dir, {
    print: (line) => process.stdout.write(`${line}\n`),
    showDifferences: show,
    ...(tsvPath !== undefined && { tsvPath }),
    ...(referencePath !== undefined && { referencePath }),
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nUsage: ${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
