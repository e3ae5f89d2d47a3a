import { readFileSync } from 'node:fs';
import { readMspdiString } from '@tandem/interop';
import { mspdiFixture } from '@tandem/interop/mspdi/fixture-path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSchedule } from '../src/domain/schedule/schedule-service';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { corpusFile, hasCorpus, importMspdi } from './helpers/imports';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let owner: Caller;
let workspaceId: string;
let projectId: string;

const fixture = readFileSync(mspdiFixture('round-trip.xml'), 'utf8');

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Exporter');
  workspaceId = await createWorkspace(t, owner);
  projectId = await importMspdi(owner, workspaceId, fixture, 'round-trip.xml');
});
afterAll(async () => {
  await t?.close();
});

async function download(path: string): Promise<{ text: string; response: Response }> {
  const response = await owner.request('GET', path);
  expect(response.status).toBe(200);
  return { text: await response.text(), response };
}

function postCsv(path: string, csv: string): Promise<Response> {
  return owner.request('POST', path, { body: csv, headers: { 'content-type': 'text/csv' } });
}

const finishOf = async (id: string) => (await computeSchedule(t.server.deps.db, id)).finish;

async function taskNames(id: string): Promise<string[]> {
  return (await sql(t, 'select name from tasks where project_id = $1 order by position', [id])).map(
    (row) => row.name,
  );
}

describe('CSV export and import', () => {
  it('exports the tasks with outline numbers, levels, durations, computed dates and MS Project predecessors', async () => {
    const { text, response } = await download(`/api/projects/${projectId}/export.csv`);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('Round trip  friends.csv');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'ID,Outline Number,Outline Level,Name,Duration,Start,Finish,Predecessors,Milestone,Percent Complete,Scheduling,Manual Start,Manual Finish,Constraint Type,Constraint Date,Deadline,Notes',
    );
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((row) => row.slice(0, 5))).toEqual([
      ['1', '1', '1', 'Phase <one>', '6d'],
      ['2', '1.1', '2', 'Design', '2d'],
      ['3', '1.2', '2', 'Build', '3d'],
      ['4', '1.3', '2', 'Review', '0d'],
      ['5', '2', '1', 'Order parts', '2ed'],
    ]);
    expect(rows[2]?.[7]).toBe('2FS+1d');
    expect(rows[3]?.[7]).toBe('3;2SS+50%');
    expect(rows[3]?.[8]).toBe('Yes');
    expect(rows[4]?.slice(13, 16)).toEqual(['Start No Earlier Than', '2026-01-07 08:00', '2026-01-09 17:00']);
    const schedule = await computeSchedule(t.server.deps.db, projectId);
    const design = schedule.tasks[1];
    expect(rows[1]?.slice(5, 7)).toEqual([design?.start.replace('T', ' '), design?.finish.replace('T', ' ')]);
  });

  it('imports its own export back into a new project with the same tree, links and finish', async () => {
    const { text } = await download(`/api/projects/${projectId}/export.csv`);
    const response = await postCsv(
      `/api/projects/${projectId}/imports/csv?into=new&name=Copied%20by%20CSV`,
      text,
    );
    expect(response.status).toBe(201);
    const result = (await response.json()) as { projectId: string; tasks: number; links: number };
    expect(result).toMatchObject({ tasks: 5, links: 3 });
    expect(await taskNames(result.projectId)).toEqual(await taskNames(projectId));
    const parents = await sql(
      t,
      `select t.name, p.name as parent from tasks t left join tasks p on p.id = t.parent_id
       where t.project_id = $1 order by t.position`,
      [result.projectId],
    );
    expect(parents.map((row) => row.parent)).toEqual([
      null,
      'Phase <one>',
      'Phase <one>',
      'Phase <one>',
      null,
    ]);
    const { text: again } = await download(`/api/projects/${result.projectId}/export.csv`);
    // The same rows, durations and links; only the calendar-free copy may place dates differently.
    const cells = (csv: string) =>
      csv
        .trim()
        .split('\r\n')
        .map((line) => line.split(',').filter((_cell, index) => index !== 5 && index !== 6));
    expect(cells(again)).toEqual(cells(text));
  });

  it('appends rows after the last task, linking them by their ids in the file', async () => {
    const target = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Append here',
      startDate: '2026-03-02',
    });
    await owner.json('POST', `/api/projects/${target.id}/tasks`, { name: 'Existing', durationMinutes: 480 });
    const csv =
      'Name,Duration,Predecessors,Outline Level\r\nPhase,,,1\r\nPlan,1d,,2\r\nDo,2d,2,2\r\nCheck,1d,3FS+1d,2\r\n';
    const response = await postCsv(`/api/projects/${target.id}/imports/csv`, csv);
    expect(response.status).toBe(201);
    expect(await taskNames(target.id)).toEqual(['Existing', 'Phase', 'Plan', 'Do', 'Check']);
    const links = await sql(
      t,
      `select p.name as predecessor, s.name as successor, l.lag_minutes from task_links l
       join tasks p on p.id = l.predecessor_id join tasks s on s.id = l.successor_id where l.project_id = $1`,
      [target.id],
    );
    expect(links).toEqual([
      { predecessor: 'Plan', successor: 'Do', lag_minutes: 0 },
      { predecessor: 'Do', successor: 'Check', lag_minutes: 480 },
    ]);
    expect(await finishOf(target.id)).toBe('2026-03-06T17:00');
  });

  it.each([
    [
      'Name,Duration\r\nDesign,3x\r\n',
      'Row 2, column "Duration": "3x" is not a duration such as 3d, 4h or 2w',
    ],
    [
      'Name,Predecessors\r\nDesign,\r\nBuild,7\r\n',
      'Row 3, column "Predecessors": task 7 is not a row of the file',
    ],
    [
      'ID,Name,Predecessors\r\n1,A,2\r\n2,B,1\r\n',
      'Row 3, column "Predecessors": the links make a cycle: B → A → B',
    ],
    ['Name,Outline Level\r\nA,1\r\nB,3\r\n', 'Row 3, column "Outline Level": level 3 cannot follow level 1'],
    [
      'Task Name,Constraint Type\r\nA,Must Start On\r\n',
      'Row 2, column "Constraint Date": the constraint Must Start On needs a date',
    ],
    ['Duration\r\n3d\r\n', 'Row 1: the header has no "Name" column'],
  ])('refuses a bad file naming the row and column, writing nothing (%#)', async (csv, message) => {
    const before = await taskNames(projectId);
    const response = await postCsv(`/api/projects/${projectId}/imports/csv`, csv);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(message);
    expect(await taskNames(projectId)).toEqual(before);
  });
});

describe('MS Project XML export', () => {
  it('writes the plan with the computed dates, and imports back to the same schedule', async () => {
    const { text, response } = await download(`/api/projects/${projectId}/export.xml`);
    expect(response.headers.get('content-type')).toContain('application/xml');
    const document = await readMspdiString(text);
    const schedule = await computeSchedule(t.server.deps.db, projectId);
    expect(document.tasks.map((task) => task.Name)).toEqual([
      'Round trip & friends',
      'Phase <one>',
      'Design',
      'Build',
      'Review',
      'Order parts',
    ]);
    const design = document.tasks[2];
    expect(design?.PercentComplete).toBe(50);
    expect(document.tasks[5]?.Deadline).toBeDefined();
    const reimported = await importMspdi(owner, workspaceId, text, 'export.xml');
    expect(await finishOf(reimported)).toBe(schedule.finish);
    expect(await taskNames(reimported)).toEqual(await taskNames(projectId));
  });

  it.skipIf(!hasCorpus)('round-trips a real construction plan to the same finish', async () => {
    const original = await importMspdi(
      owner,
      workspaceId,
      corpusFile('mpp-converted/aspose-net-data/Residential_Construction.mspdi.xml'),
    );
    const { text } = await download(`/api/projects/${original}/export.xml`);
    const copy = await importMspdi(owner, workspaceId, text, 'copy.xml');
    expect(await finishOf(copy)).toBe(await finishOf(original));
  });

  it('answers 404 to someone who may not see the project', async () => {
    const stranger = await signUp(t, 'Stranger');
    expect((await stranger.request('GET', `/api/projects/${projectId}/export.xml`)).status).toBe(404);
    expect((await stranger.request('GET', `/api/projects/${projectId}/export.csv`)).status).toBe(404);
  });
});
