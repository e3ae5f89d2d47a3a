/**
 * Imports every MSPDI file of a corpus through the import service into a real database and compares the schedule of
 * the imported project with the finish MS Project saved in the file (in working time on the project calendar), to
 * show what an import keeps: the engine alone reproduces a file from the file itself (`npm run conformance`), this
 * goes through the database rows. Prints one line per file that differs and the totals.
 * Run: npx tsx bench/import-corpus.bench.ts ../shared/corpus
 */
import { chmodSync, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInstant, wallMinutes } from '@tandem/core';
import { hasSavedResults, readMspdiFile } from '@tandem/interop';
import { sql } from 'drizzle-orm';
import { findXmlFiles } from '../packages/cli/src/conformance/find-files';
import { newId } from '../packages/server/src/db/ids';
import { projectWorkingTime } from '../packages/server/src/domain/baselines/core-schedule';
import { importsSettled } from '../packages/server/src/domain/imports/import-jobs';
import { importMspdi } from '../packages/server/src/domain/imports/mspdi-import';
import { computeSchedule } from '../packages/server/src/domain/schedule/schedule-service';
import { startServer } from '../packages/server/src/server';

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: npx tsx bench/import-corpus.bench.ts CORPUS_DIR');
  process.exit(2);
}
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-import-corpus-'));
chmodSync(dataDir, 0o755);
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
const { db, logger } = server.deps;
try {
  const userId = newId('usr');
  const workspaceId = newId('wsp');
  await db.execute(
    sql`insert into users (id, email, name, password_hash) values (${userId}, 'corpus@example.com', 'Corpus', 'x')`,
  );
  await db.execute(
    sql`insert into workspaces (id, name, slug, created_by) values (${workspaceId}, 'Corpus', ${workspaceId.toLowerCase()}, ${userId})`,
  );
  await db.execute(
    sql`insert into workspace_members (workspace_id, user_id, role) values (${workspaceId}, ${userId}, 'owner')`,
  );
  let same = 0;
  let differ = 0;
  let refused = 0;
  let skipped = 0;
  for (const file of await findXmlFiles(dir)) {
    const path = join(dir, file);
    let saved: number | undefined;
    try {
      const document = await readMspdiFile(path);
      saved = hasSavedResults(document) ? document.properties.FinishDate : undefined;
    } catch {
      saved = undefined;
    }
    if (saved === undefined) {
      skipped++;
      continue;
    }
    try {
      const job = await importMspdi(db, logger, userId, workspaceId, {
        fileName: file,
        chunks: createReadStream(path),
      });
      await importsSettled();
      const [row] = (await db.execute(sql`select project_id, error from import_jobs where id = ${job.id}`))
        .rows as {
        project_id: string | null;
        error: unknown;
      }[];
      if (!row?.project_id) throw new Error(JSON.stringify(row?.error));
      const schedule = await computeSchedule(db, row.project_id);
      const time = await projectWorkingTime(db, row.project_id);
      const apart = schedule.cycle
        ? Number.NaN
        : time.workBetween(parseInstant(schedule.finish), wallMinutes(saved));
      if (Math.abs(apart) < 1) same++;
      else {
        differ++;
        console.log(
          `${file}: finish ${schedule.finish}, MS Project ${new Date(saved * 60_000).toISOString().slice(0, 16)}`,
        );
      }
    } catch (error) {
      refused++;
      console.log(`${file}: not imported: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(
    `imported to MS Project's finish: ${same}; other finish: ${differ}; refused: ${refused}; without saved results: ${skipped}`,
  );
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
