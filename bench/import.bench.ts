/**
 * MS Project XML import figures on the embedded PostgreSQL: a generated plan of 10,000 tasks (500 summaries of 19
 * tasks), about 14,500 links, 20 resources and 5,000 assignments, and the largest MSPDI file of the corpus when it is
 * beside the checkout. Prints the upload-and-check time (until 202), the time until the job succeeded, and the first
 * schedule. Prints figures only.
 * Run: npx tsx bench/import.bench.ts
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MspdiProject, MspdiTask } from '../packages/interop/src/index';
import { parseMspdiDate, writeMspdi } from '../packages/interop/src/index';
import { startServer } from '../packages/server/src/server';
import { seededRandom } from './seeded-random';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-import-bench-'));
chmodSync(dataDir, 0o755);
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' });
const base = server.url;

async function call(method: string, path: string, token: string, body?: string, type = 'application/json') {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function signUp(): Promise<{ token: string; workspaceId: string }> {
  const signup = await fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'bench@example.com',
      name: 'Bench',
      password: 'correct horse battery staple',
    }),
  });
  const cookies = signup.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const csrf = cookies.find((cookie) => cookie?.startsWith('tandem_csrf='))?.split('=')[1] ?? '';
  const tokenResponse = await fetch(`${base}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
    body: JSON.stringify({ name: 'bench' }),
  });
  const token = ((await tokenResponse.json()) as { secret: string }).secret;
  const workspace = await call('POST', '/api/workspaces', token, JSON.stringify({ name: 'Bench' }));
  return { token, workspaceId: String(workspace.id) };
}

/** A 10,000-task MSPDI document: phases in sequence, chains and forward links inside each phase. */
function generatedPlan(): string {
  const random = seededRandom(7);
  const tasks: MspdiTask[] = [];
  const empty = { predecessorLinks: [], baselines: [], extendedAttributes: [], other: [] };
  let uid = 0;
  let previousPhaseLast: number | undefined;
  for (let phase = 0; phase < 500; phase++) {
    const summary = ++uid;
    tasks.push({
      ...empty,
      predecessorLinks: [],
      UID: summary,
      ID: summary,
      Name: `Phase ${phase + 1}`,
      OutlineLevel: 1,
    });
    const members: number[] = [];
    for (let c = 0; c < 19; c++) {
      const id = ++uid;
      const links: MspdiTask['predecessorLinks'] = [];
      if (c > 0) links.push({ PredecessorUID: id - 1, Type: 1, LinkLag: 0, LagFormat: 7 });
      else if (previousPhaseLast !== undefined)
        links.push({ PredecessorUID: previousPhaseLast, Type: 1, LinkLag: 0, LagFormat: 7 });
      if (c > 2 && random() < 0.5)
        links.push({ PredecessorUID: id - 3, Type: 3, LinkLag: 4800, LagFormat: 7 });
      tasks.push({
        ...empty,
        predecessorLinks: links,
        UID: id,
        ID: id,
        Name: `Task ${phase + 1}.${c + 1}`,
        OutlineLevel: 2,
        Duration: 480 * (1 + Math.floor(random() * 5)),
        DurationFormat: 7,
      });
      members.push(id);
    }
    previousPhaseLast = members.at(-1);
  }
  const resources = Array.from({ length: 20 }, (_, index) => ({
    ...empty,
    UID: index + 1,
    ID: index + 1,
    Name: `Person ${index + 1}`,
    Type: 1,
    MaxUnits: 1,
    StandardRate: 50,
  }));
  const assignments = tasks
    .filter((task) => task.OutlineLevel === 2 && (task.UID as number) % 2 === 0)
    .map((task, index) => ({
      ...empty,
      UID: index + 1,
      TaskUID: task.UID as number,
      ResourceUID: (index % 20) + 1,
      Units: 1,
      Work: task.Duration as number,
    }));
  const project: MspdiProject = {
    properties: {
      Name: 'ten-thousand.xml',
      StartDate: parseMspdiDate('2026-01-05T08:00:00') as number,
      CalendarUID: 1,
    },
    sections: [],
    extendedAttributeDefinitions: [],
    calendars: [
      {
        UID: 1,
        Name: 'Standard',
        IsBaseCalendar: true,
        weekDays: [],
        exceptions: [],
        workWeeks: [],
        other: [],
      },
    ],
    tasks,
    resources,
    assignments,
    other: [],
  };
  return writeMspdi(project);
}

async function importFile(label: string, xml: string, token: string, workspaceId: string): Promise<void> {
  const started = performance.now();
  const job = await call(
    'POST',
    `/api/workspaces/${workspaceId}/imports/mspdi?fileName=${label}`,
    token,
    xml,
    'application/xml',
  );
  const accepted = performance.now() - started;
  let state = job;
  while (state.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    state = await call('GET', `/api/imports/${job.id}`, token);
  }
  const done = performance.now() - started;
  if (state.state !== 'succeeded') throw new Error(`${label}: ${JSON.stringify(state.error)}`);
  const scheduleStart = performance.now();
  const schedule = await call('GET', `/api/projects/${state.projectId}/schedule`, token);
  const scheduled = performance.now() - scheduleStart;
  const summary = state.summary as Record<string, number>;
  console.log(
    `${label}: ${(xml.length / 1024 / 1024).toFixed(1)} MB, ${summary.tasks} tasks, ${summary.links} links, ` +
      `${summary.assignments} assignments — upload+parse+check ${Math.round(accepted)} ms, imported ${Math.round(done)} ms, ` +
      `first schedule ${Math.round(scheduled)} ms (finish ${schedule.finish})`,
  );
}

try {
  const { token, workspaceId } = await signUp();
  await importFile('generated-10000-tasks.xml', generatedPlan(), token, workspaceId);
  const largest = fileURLToPath(
    new URL(
      '../../shared/corpus/mpp-converted/insisoc-mpsplib-instances-CC-BY-4.0/109_mp_j120_a10_nr5_AgentCopp8.mspdi.xml',
      import.meta.url,
    ),
  );
  if (existsSync(largest))
    await importFile('corpus-largest.xml', readFileSync(largest, 'utf8'), token, workspaceId);
  else console.log(`corpus file ${largest} is absent: skipped`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
