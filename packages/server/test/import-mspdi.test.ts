import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { formatInstant, parseInstant, wallMinutes } from '@tandem/core';
import { readMspdiString } from '@tandem/interop';
import { mspdiFixture } from '@tandem/interop/mspdi/fixture-path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectWorkingTime } from '../src/domain/baselines/core-schedule';
import { writePlanRows } from '../src/domain/imports/plan-insert';
import { computeSchedule } from '../src/domain/schedule/schedule-service';
import { writeTransaction } from '../src/domain/shared/write-transaction';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { corpusFile, hasCorpus, importMspdi, settledImport, uploadMspdi } from './helpers/imports';
import { startTestServer, type TestServer } from './helpers/server';
import { openEventStream } from './helpers/sse';

let t: TestServer;
let owner: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Importer');
  workspaceId = await createWorkspace(t, owner);
});
afterAll(async () => {
  await t?.close();
});

const fixture = readFileSync(mspdiFixture('round-trip.xml'), 'utf8');
// The fixture's "Order parts" made manually scheduled, so that one file holds every kind of task input.
const withManualTask = fixture.replace(
  '<Name>Order parts</Name>\n\t\t\t<Manual>0</Manual>',
  '<Name>Order parts</Name>\n\t\t\t<Manual>1</Manual>\n\t\t\t<ManualStart>2026-01-07T08:00:00</ManualStart>\n\t\t\t<ManualFinish>2026-01-09T08:00:00</ManualFinish>',
);

const projectCount = async () =>
  Number((await sql(t, 'select count(*) as n from projects where workspace_id = $1', [workspaceId]))[0]?.n);

describe('importing an MS Project XML file', () => {
  it('creates a project with the task tree, durations, constraints, deadlines, manual dates, milestones, progress, links, calendars, resources and assignments', async () => {
    expect(withManualTask).not.toBe(fixture);
    const projectId = await importMspdi(owner, workspaceId, withManualTask, 'round-trip.xml');
    const [project] = await sql(t, 'select name, start_date::text, calendar from projects where id = $1', [
      projectId,
    ]);
    expect(project?.name).toBe('Round trip & friends');
    expect(project?.start_date).toBe('2026-01-05');
    expect(project?.calendar.calendarId).toBe('1');
    expect(project?.calendar.calendars.map((c: { id: string }) => c.id).sort()).toEqual(['1', '2']);
    expect(project?.calendar.workingDays).toEqual([1, 2, 3, 4, 5]);

    const tasks = await sql(
      t,
      `select t.*, t.actual_start::text, t.manual_start::text, t.manual_finish::text, t.constraint_date::text,
         t.deadline::text, p.name as parent_name from tasks t left join tasks p on p.id = t.parent_id
       where t.project_id = $1 order by t.position`,
      [projectId],
    );
    expect(tasks.map((task) => [task.name, task.parent_name])).toEqual([
      ['Phase <one>', null],
      ['Design', 'Phase <one>'],
      ['Build', 'Phase <one>'],
      ['Review', 'Phase <one>'],
      ['Order parts', null],
    ]);
    const byName = new Map(tasks.map((task) => [task.name as string, task]));
    const design = byName.get('Design');
    expect(design).toMatchObject({ duration_minutes: 960, percent_complete: 50, status: 'in_progress' });
    expect(design?.actual_start).toBe('2026-01-05 08:00:00');
    expect(byName.get('Build')).toMatchObject({ duration_minutes: 1440, duration_unit: 'days' });
    expect(byName.get('Review')).toMatchObject({ is_milestone: true, duration_minutes: 0 });
    expect(byName.get('Order parts')).toMatchObject({
      scheduling: 'manual',
      manual_start: '2026-01-07 08:00:00',
      manual_finish: '2026-01-09 08:00:00',
      constraint_type: 'snet',
      constraint_date: '2026-01-07 08:00:00',
      deadline: '2026-01-09 17:00:00',
      elapsed: true,
    });

    const links = await sql(
      t,
      `select p.name as predecessor, s.name as successor, l.type, l.lag_minutes, l.lag_percent
       from task_links l join tasks p on p.id = l.predecessor_id join tasks s on s.id = l.successor_id
       where l.project_id = $1 order by s.position, p.position`,
      [projectId],
    );
    expect(links).toEqual([
      { predecessor: 'Design', successor: 'Build', type: 'FS', lag_minutes: 480, lag_percent: null },
      { predecessor: 'Design', successor: 'Review', type: 'SS', lag_minutes: 0, lag_percent: 50 },
      { predecessor: 'Build', successor: 'Review', type: 'FS', lag_minutes: 0, lag_percent: null },
    ]);

    const assignments = await sql(
      t,
      `select r.name, r.kind, r.workspace_id, r.calendar, a.units, a.work_minutes, t.name as task
       from assignments a join resources r on r.id = a.resource_id join tasks t on t.id = a.task_id
       where a.project_id = $1`,
      [projectId],
    );
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatchObject({
      name: 'Ada',
      kind: 'person',
      task: 'Design',
      units: 1,
      work_minutes: 960,
    });
    expect(assignments[0]?.workspace_id).toBe(workspaceId);
    expect(assignments[0]?.calendar.calendarId).toBe('2');
  });

  it('reports its progress from 0 to 100 and the counts of what it imported', async () => {
    const response = await uploadMspdi(owner, workspaceId, fixture);
    expect(response.status).toBe(202);
    const started = (await response.json()) as { id: string; state: string; progress: number };
    expect(response.headers.get('location')).toBe(`/api/imports/${started.id}`);
    expect(started.progress).toBeGreaterThanOrEqual(0);
    const job = await settledImport(owner, started.id);
    expect(job).toMatchObject({ state: 'succeeded', progress: 100 });
    expect(job.summary).toEqual({
      tasks: 5,
      links: 3,
      resources: 1,
      assignments: 1,
      calendars: 2,
      baselines: 1,
    });
  });

  it('takes the file as a multipart form too', async () => {
    const form = new FormData();
    form.set('file', new Blob([fixture], { type: 'application/xml' }), 'from-a-form.xml');
    const response = await fetch(`${t.url}/api/workspaces/${workspaceId}/imports/mspdi`, {
      method: 'POST',
      headers: owner.writeHeaders(),
      body: form,
    });
    expect(response.status).toBe(202);
    const job = await settledImport(owner, ((await response.json()) as { id: string }).id);
    expect(job).toMatchObject({ state: 'succeeded', summary: { tasks: 5 } });
  });

  it('tells the live stream of the workspace how the import goes', async () => {
    const stream = await openEventStream(
      `${t.url}/api/events?workspaceId=${workspaceId}`,
      owner.readHeaders(),
    );
    try {
      const response = await uploadMspdi(owner, workspaceId, fixture);
      const { id } = (await response.json()) as { id: string };
      const event = await stream.waitFor((received) => received.data.includes(id), 10_000);
      expect(JSON.parse(event.data)).toMatchObject({ entityType: 'import', entityId: id, workspaceId });
      await settledImport(owner, id);
    } finally {
      stream.close();
    }
  });

  it('refuses a file over the import limit before reading it', async () => {
    const url = new URL(`${t.url}/api/workspaces/${workspaceId}/imports/mspdi`);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        url,
        {
          method: 'POST',
          headers: {
            ...owner.writeHeaders(),
            'content-type': 'application/xml',
            'content-length': String(65 * 1024 * 1024),
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
          request.destroy();
        },
      );
      request.on('error', reject);
      request.write('<Project>');
    });
    expect(status).toBe(413);
  });

  it('refuses a truncated file naming the element and line, and creates no project', async () => {
    const before = await projectCount();
    const truncated = fixture.slice(0, fixture.indexOf('<Name>Build</Name>') + 20);
    const response = await uploadMspdi(owner, workspaceId, truncated, 'cut.xml');
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string; field: string } };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe('file');
    expect(error.message).toMatch(
      /^cut\.xml is not an MS Project XML plan .*line \d+: malformed XML inside <\w+>/,
    );
    expect(await projectCount()).toBe(before);
  });

  it('refuses a link to a task that is not in the file, naming the <PredecessorLink> and its line', async () => {
    const before = await projectCount();
    const broken = fixture.replace(
      '<PredecessorUID>3</PredecessorUID>',
      '<PredecessorUID>77</PredecessorUID>',
    );
    const line = broken.slice(0, broken.indexOf('<PredecessorUID>77')).split('\n').length - 1;
    const response = await uploadMspdi(owner, workspaceId, broken);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toContain(
      `line ${line}: <PredecessorLink> of task UID 4 ("Review") names predecessor UID 77`,
    );
    expect(await projectCount()).toBe(before);
  });

  it('refuses a file that is not MS Project XML at all', async () => {
    const response = await uploadMspdi(owner, workspaceId, '<?xml version="1.0"?><Workbook/>');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'line 1: the root element is <Workbook>, not <Project>',
    );
  });

  it('leaves nothing behind when writing the rows fails part-way', async () => {
    const [project] = await sql(t, 'select id from projects where workspace_id = $1 limit 1', [workspaceId]);
    const projectId = project?.id as string;
    const tasksBefore = (await sql(t, 'select id from tasks where project_id = $1', [projectId])).length;
    const attempt = writeTransaction(t.server.deps.db, (tx) =>
      writePlanRows(
        tx,
        { projectId, workspaceId, userId: owner.id },
        {
          tasks: [{ key: 'a', parentKey: null, fields: { name: 'Written first' } }],
          links: [
            { predecessorKey: 'a', successorKey: 'missing', type: 'FS', lagMinutes: 0, lagPercent: null },
          ],
          resources: [],
          assignments: [],
        },
      ),
    );
    await expect(attempt).rejects.toThrow('names task missing');
    expect((await sql(t, 'select id from tasks where project_id = $1', [projectId])).length).toBe(
      tasksBefore,
    );
    expect(await sql(t, `select id from tasks where name = 'Written first'`)).toEqual([]);
  });

  it('shows an import only to the person who started it', async () => {
    const other = await signUp(t, 'Other');
    const response = await uploadMspdi(owner, workspaceId, fixture);
    const { id } = (await response.json()) as { id: string };
    await settledImport(owner, id);
    expect((await other.request('GET', `/api/imports/${id}`)).status).toBe(404);
  });
});

// Files on standard calendars that `npm run conformance -- ../shared/corpus` reports as reproduced by the engine.
const reproducedFiles = [
  'mpp-converted/aspose-net-data/Residential_Construction.mspdi.xml',
  'mpp-converted/aspose-net-data/ConstraintMustStartOn.mspdi.xml',
  'mpp-converted/aspose-net-data/ConstraintFinishNoEarlierThan.mspdi.xml',
  'mpp-converted/aspose-net-data/TaskWBS.mspdi.xml',
  'mspdi/mpxj-generated/assignment-assignments/assignment-assignments-project2016-mspdi.xml',
  'mspdi/mpxj-generated/task-durations/task-durations-project2019-mspdi.xml',
  'mpp-converted/mpxj-misc/mpp14relations.mspdi.xml',
  'mpp-converted/insisoc-mpsplib-instances-CC-BY-4.0/109_mp_j120_a10_nr5_AgentCopp8.mspdi.xml',
];

describe.skipIf(!hasCorpus)('importing real MS Project files from the corpus', () => {
  it.each(reproducedFiles)('schedules %s to the finish MS Project saved in it', async (path) => {
    const xml = corpusFile(path);
    const saved = (await readMspdiString(xml)).properties.FinishDate;
    expect(saved).toBeDefined();
    const started = performance.now();
    const projectId = await importMspdi(owner, workspaceId, xml, path.split('/').at(-1));
    const imported = performance.now() - started;
    const schedule = await computeSchedule(t.server.deps.db, projectId);
    const time = await projectWorkingTime(t.server.deps.db, projectId);
    // Friday 17:00 and Monday 08:00 are the same working instant: compare in working time.
    const apart = time.workBetween(parseInstant(schedule.finish), wallMinutes(saved as number));
    expect(
      Math.abs(apart),
      `${schedule.finish} against ${formatInstant(wallMinutes(saved as number))}`,
    ).toBeLessThan(1);
    console.log(
      `imported ${path.split('/').at(-1)} in ${Math.round(imported)} ms, finish ${schedule.finish}`,
    );
  });

  it("keeps the file's saved baselines, against which variances read at once", async () => {
    const xml = corpusFile('mpp-converted/aspose-net-data/Baselines2010.mspdi.xml');
    const projectId = await importMspdi(owner, workspaceId, xml, 'Baselines2010.mspdi.xml');
    const { items } = await owner.json<{ items: { id: string; name: string; taskCount: number }[] }>(
      'GET',
      `/api/projects/${projectId}/baselines`,
    );
    const names = items.map((item) => item.name);
    expect(names).toContain('Baseline');
    const first = items.find((item) => item.name === 'Baseline');
    expect(first?.taskCount).toBeGreaterThan(0);
    const variances = await owner.json<{ items: { startVariance: number }[] }>(
      'GET',
      `/api/baselines/${first?.id}/variances`,
    );
    expect(variances.items).toHaveLength(first?.taskCount ?? -1);
  });

  it('imports a resource-loaded construction plan whole', async () => {
    const xml = corpusFile('mpp-converted/aspose-net-data/Residential_Construction.mspdi.xml');
    const projectId = await importMspdi(owner, workspaceId, xml, 'Residential_Construction.mspdi.xml');
    const [counts] = await sql(
      t,
      `select (select count(*) from tasks where project_id = $1) as tasks,
              (select count(*) from task_links where project_id = $1) as links,
              (select count(*) from assignments where project_id = $1) as assignments`,
      [projectId],
    );
    expect(counts).toEqual({ tasks: 108, links: 118, assignments: expect.any(Number) });
    expect(Number(counts?.assignments)).toBeGreaterThan(50);
  });
});

if (!hasCorpus) {
  describe('importing real MS Project files from the corpus', () => {
    it.skip('needs ../shared/corpus beside the checkout, which is absent here', () => {});
  });
}
