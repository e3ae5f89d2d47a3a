import { readFileSync } from 'node:fs';
import { mspdiFixture } from '@tandem/interop/mspdi/fixture-path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProjectCopyRoutes } from '../src/domain/projects/project-copy';
import { computeSchedule } from '../src/domain/schedule/schedule-service';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { importMspdi } from './helpers/imports';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let owner: Caller;
let workspaceId: string;
let sourceId: string;

const fixture = readFileSync(mspdiFixture('round-trip.xml'), 'utf8');

beforeAll(async () => {
  t = await startTestServer({ features: [...domainTestFeatures(), registerProjectCopyRoutes] });
  owner = await signUp(t, 'Copier');
  workspaceId = await createWorkspace(t, owner);
  sourceId = await importMspdi(owner, workspaceId, fixture, 'round-trip.xml');
  await sql(t, `update projects set workflow = $2, custom_fields = $3 where id = $1`, [
    sourceId,
    JSON.stringify([
      { key: 'open', name: 'Open', category: 'todo', wipLimit: null },
      { key: 'shipped', name: 'Shipped', category: 'done', wipLimit: null },
    ]),
    JSON.stringify([{ key: 'risk', name: 'Risk', type: 'select', options: ['low', 'high'] }]),
  ]);
});
afterAll(async () => {
  await t?.close();
});

const taskRows = (projectId: string) =>
  sql(
    t,
    `select t.name, p.name as parent, t.duration_minutes, t.constraint_type, t.constraint_date::text,
            t.deadline::text, t.actual_start::text, t.percent_complete
     from tasks t left join tasks p on p.id = t.parent_id where t.project_id = $1 order by t.position`,
    [projectId],
  );

const linkRows = (projectId: string) =>
  sql(
    t,
    `select p.name as predecessor, s.name as successor, l.type, l.lag_minutes, l.lag_percent from task_links l
     join tasks p on p.id = l.predecessor_id join tasks s on s.id = l.successor_id
     where l.project_id = $1 order by p.name, s.name`,
    [projectId],
  );

interface Project {
  id: string;
  name: string;
  startDate: string;
  isTemplate: boolean;
}

describe('copying a project', () => {
  it('copies tasks, links, assignments, workflow, custom fields and calendar with dates moved by the new start', async () => {
    const copy = await owner.json<Project>(
      'POST',
      `/api/projects/${sourceId}/copy`,
      { name: 'Four weeks later', startDate: '2026-02-02' },
      201,
    );
    expect(copy).toMatchObject({ name: 'Four weeks later', startDate: '2026-02-02', isTemplate: false });
    const before = await taskRows(sourceId);
    const after = await taskRows(copy.id);
    const moved = (text: string | null) =>
      text === null
        ? null
        : new Date(Date.parse(`${text.replace(' ', 'T')}Z`) + 28 * 86_400_000)
            .toISOString()
            .slice(0, 19)
            .replace('T', ' ');
    expect(after).toEqual(
      before.map((row) => ({
        ...row,
        constraint_date: moved(row.constraint_date),
        deadline: moved(row.deadline),
        actual_start: moved(row.actual_start),
      })),
    );
    expect(after.find((row) => row.name === 'Order parts')).toMatchObject({
      constraint_date: '2026-02-04 08:00:00',
      deadline: '2026-02-06 17:00:00',
    });
    expect(await linkRows(copy.id)).toEqual(await linkRows(sourceId));
    const [fields] = await sql(t, 'select workflow, custom_fields, calendar from projects where id = $1', [
      copy.id,
    ]);
    const [original] = await sql(t, 'select workflow, custom_fields, calendar from projects where id = $1', [
      sourceId,
    ]);
    expect(fields).toEqual(original);
    const assigned = await sql(
      t,
      `select r.id as resource, t.name from assignments a join tasks t on t.id = a.task_id
       join resources r on r.id = a.resource_id where a.project_id = $1`,
      [copy.id],
    );
    const originalAssigned = await sql(
      t,
      `select r.id as resource, t.name from assignments a join tasks t on t.id = a.task_id
       join resources r on r.id = a.resource_id where a.project_id = $1`,
      [sourceId],
    );
    expect(assigned).toEqual(originalAssigned);
  });

  it('schedules the copy two weeks after the original when it starts two weeks later', async () => {
    const plain = await owner.json<Project>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Plain calendar',
      startDate: '2026-03-02',
    });
    const csv =
      'Name,Duration,Predecessors,Constraint Type,Constraint Date\r\nA,2d,,,\r\nB,3d,1,Start No Earlier Than,2026-03-05 08:00\r\n';
    const imported = await owner.request('POST', `/api/projects/${plain.id}/imports/csv`, {
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.status).toBe(201);
    const copy = await owner.json<Project>(
      'POST',
      `/api/projects/${plain.id}/copy`,
      { name: 'Shifted', startDate: '2026-03-16' },
      201,
    );
    const original = await computeSchedule(t.server.deps.db, plain.id);
    const shifted = await computeSchedule(t.server.deps.db, copy.id);
    expect(original.finish).toBe('2026-03-09T17:00');
    expect(shifted.finish).toBe('2026-03-23T17:00');
  });

  it('makes a template that the project list shows only under its templates filter', async () => {
    const template = await owner.json<Project>(
      'POST',
      `/api/projects/${sourceId}/copy`,
      { name: 'Launch template', asTemplate: true },
      201,
    );
    expect(template.isTemplate).toBe(true);
    const live = await owner.json<{ items: Project[] }>(
      'GET',
      `/api/workspaces/${workspaceId}/projects?limit=200`,
    );
    expect(live.items.map((project) => project.id)).not.toContain(template.id);
    const templates = await owner.json<{ items: Project[] }>(
      'GET',
      `/api/workspaces/${workspaceId}/projects?template=true`,
    );
    expect(templates.items.map((project) => project.name)).toEqual(['Launch template']);

    const started = await owner.json<Project>(
      'POST',
      `/api/projects/${template.id}/copy`,
      { name: 'Launch 2027', startDate: '2027-01-04' },
      201,
    );
    expect(started.isTemplate).toBe(false);
    expect((await taskRows(started.id)).map((row) => row.name)).toEqual(
      (await taskRows(sourceId)).map((row) => row.name),
    );
    const again = await owner.json<{ items: Project[] }>(
      'GET',
      `/api/workspaces/${workspaceId}/projects?limit=200`,
    );
    expect(again.items.map((project) => project.id)).toContain(started.id);
  });

  it('lets a guest who sees the project copy nothing, and hides it from outsiders', async () => {
    const guest = await signUp(t, 'Guest');
    await addMember(t, workspaceId, guest, 'guest');
    await owner.json('PUT', `/api/projects/${sourceId}/members/${guest.id}`, { role: 'viewer' }, 201);
    const asGuest = await guest.request('POST', `/api/projects/${sourceId}/copy`, { body: { name: 'Mine' } });
    expect(asGuest.status).toBe(403);
    const outsider = await signUp(t, 'Outsider');
    const asOutsider = await outsider.request('POST', `/api/projects/${sourceId}/copy`, {
      body: { name: 'Mine' },
    });
    expect(asOutsider.status).toBe(404);
  });
});
