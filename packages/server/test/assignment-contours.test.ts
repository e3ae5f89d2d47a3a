import { parseInstant, wallMinutes } from '@tandem/core';
import { readMspdiString } from '@tandem/interop';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectWorkingTime } from '../src/domain/baselines/core-schedule';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { corpusFile, hasCorpus, importMspdi } from './helpers/imports';
import { startTestServer, type TestServer } from './helpers/server';

interface AssignmentBody {
  id: string;
  version: number;
  contour: string;
  overtimeWorkMinutes: number;
  delayMinutes: number;
  workMinutes: number | null;
}
interface ScheduleBody {
  finish: string;
  tasks: { id: string; finish: string }[];
}

let t: TestServer;
let owner: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Contour Owner');
  workspaceId = await createWorkspace(t, owner);
});
afterAll(async () => {
  await t?.close();
});

const addResource = async (name: string) =>
  (await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/resources`, { name }, 201)).id;

/** A project starting Monday 2 March 2026 with one 40-hour task staffed full time by one person. */
async function staffedTask(body: Record<string, unknown> = {}) {
  const { id: projectId } = await owner.json<{ id: string }>(
    'POST',
    `/api/workspaces/${workspaceId}/projects`,
    {
      name: 'Contours',
      startDate: '2026-03-02',
    },
  );
  const { id: taskId } = await owner.json<{ id: string }>('POST', `/api/projects/${projectId}/tasks`, {
    name: 'Build',
    durationMinutes: 2400,
  });
  const resourceId = await addResource(`Builder ${projectId}`);
  const assignment = await owner.json<AssignmentBody>(
    'POST',
    `/api/projects/${projectId}/assignments`,
    { taskId, resourceId, workMinutes: 2400, ...body },
    201,
  );
  return { projectId, taskId, assignment };
}

const taskFinish = async (projectId: string, taskId: string) =>
  (await owner.json<ScheduleBody>('GET', `/api/projects/${projectId}/schedule`)).tasks.find(
    (task) => task.id === taskId,
  )?.finish;

describe('assignment contours, overtime work and delay', () => {
  it('creates a flat assignment with no overtime and no delay by default', async () => {
    const { assignment } = await staffedTask();
    expect(assignment).toMatchObject({ contour: 'flat', overtimeWorkMinutes: 0, delayMinutes: 0 });
  });

  it('reschedules the task when its assignment turns turtle-shaped, and back when it turns flat', async () => {
    const { projectId, taskId, assignment } = await staffedTask();
    // Five 8-hour days from Monday 2 March 2026.
    expect(await taskFinish(projectId, taskId)).toBe('2026-03-06T17:00');
    const turtle = await owner.json<AssignmentBody>('PATCH', `/api/assignments/${assignment.id}`, {
      contour: 'turtle',
      version: assignment.version,
    });
    expect(turtle.contour).toBe('turtle');
    // A turtle works 70 % of the time on average: 40 h of work last 57 h 8.6 min, into the eighth day.
    expect(await taskFinish(projectId, taskId)).toBe('2026-03-11T09:08');
    await owner.json('PATCH', `/api/assignments/${assignment.id}`, {
      contour: 'flat',
      version: turtle.version,
    });
    expect(await taskFinish(projectId, taskId)).toBe('2026-03-06T17:00');
  });

  it('shortens the task by its overtime work and postpones it by its delay', async () => {
    const { projectId, taskId, assignment } = await staffedTask({ overtimeWorkMinutes: 480 });
    expect(assignment.overtimeWorkMinutes).toBe(480);
    expect(await taskFinish(projectId, taskId)).toBe('2026-03-05T17:00');
    await owner.json('PATCH', `/api/assignments/${assignment.id}`, {
      delayMinutes: 960,
      version: assignment.version,
    });
    expect(await taskFinish(projectId, taskId)).toBe('2026-03-09T17:00');
  });

  it.each([
    [{ contour: 'wobbly' }, 'contour'],
    [{ overtimeWorkMinutes: -60 }, 'overtimeWorkMinutes'],
    [{ overtimeWorkMinutes: 1.5 }, 'overtimeWorkMinutes'],
    [{ delayMinutes: -1 }, 'delayMinutes'],
    [{ delayMinutes: 'soon' }, 'delayMinutes'],
  ])('refuses %j with 400 naming the field, and changes nothing', async (body, field) => {
    const { assignment } = await staffedTask();
    const response = await owner.request('PATCH', `/api/assignments/${assignment.id}`, { body });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; field?: string } };
    expect(error.field).toBe(field);
    const [row] = await sql(
      t,
      'select contour, overtime_work_minutes, delay_minutes, version from assignments where id = $1',
      [assignment.id],
    );
    expect(row).toEqual({ contour: 'flat', overtime_work_minutes: 0, delay_minutes: 0, version: 1 });
  });

  it('refuses an unknown contour on a new assignment with 400 naming the field, and assigns nobody', async () => {
    const { projectId, taskId } = await staffedTask();
    const resourceId = await addResource(`Helper ${projectId}`);
    const response = await owner.request('POST', `/api/projects/${projectId}/assignments`, {
      body: { taskId, resourceId, contour: 'Turtle' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field?: string } }).error.field).toBe('contour');
    const rows = await sql(t, 'select id from assignments where resource_id = $1', [resourceId]);
    expect(rows).toEqual([]);
  });

  it('refuses more overtime than the work derived from the duration with 422 naming the field', async () => {
    const { projectId, taskId } = await staffedTask();
    const resourceId = await addResource(`Half-timer ${projectId}`);
    // Half time over a 40-hour task: 20 hours of work, so 21 hours of overtime is too much.
    const response = await owner.request('POST', `/api/projects/${projectId}/assignments`, {
      body: { taskId, resourceId, units: 0.5, overtimeWorkMinutes: 1260 },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { field?: string } }).error.field).toBe(
      'overtimeWorkMinutes',
    );
    expect(await sql(t, 'select id from assignments where resource_id = $1', [resourceId])).toEqual([]);
  });

  it('refuses more overtime than the work with 422 naming the field', async () => {
    const { assignment } = await staffedTask();
    const response = await owner.request('PATCH', `/api/assignments/${assignment.id}`, {
      body: { overtimeWorkMinutes: 3000, version: assignment.version },
    });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { field?: string } };
    expect(error.field).toBe('overtimeWorkMinutes');
  });

  it('keeps contour, overtime and delay when the project is copied', async () => {
    const { projectId, assignment } = await staffedTask({
      contour: 'bell',
      overtimeWorkMinutes: 60,
      delayMinutes: 30,
    });
    const copy = await owner.json<{ id: string }>(
      'POST',
      `/api/projects/${projectId}/copy`,
      { name: 'Contours copy' },
      201,
    );
    const rows = await sql(
      t,
      'select contour, overtime_work_minutes, delay_minutes from assignments where project_id = $1',
      [copy.id],
    );
    expect(rows).toEqual([{ contour: 'bell', overtime_work_minutes: 60, delay_minutes: 30 }]);
    expect(assignment.contour).toBe('bell');
  });

  it('exports contour, overtime and delay to MS Project XML and imports them back', async () => {
    const { projectId, assignment } = await staffedTask();
    await owner.json('PATCH', `/api/assignments/${assignment.id}`, {
      contour: 'backLoaded',
      overtimeWorkMinutes: 240,
      delayMinutes: 120,
      version: assignment.version,
    });
    const response = await owner.request('GET', `/api/projects/${projectId}/export.xml`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    const [written] = (await readMspdiString(xml)).assignments;
    expect(written).toMatchObject({ WorkContour: 1, OvertimeWork: 240, Delay: 1200 });
    const copy = await importMspdi(owner, workspaceId, xml, 'contours.xml');
    const rows = await sql(
      t,
      'select contour, overtime_work_minutes, delay_minutes from assignments where project_id = $1',
      [copy],
    );
    expect(rows).toEqual([{ contour: 'backLoaded', overtime_work_minutes: 240, delay_minutes: 120 }]);
    const finishes = await Promise.all(
      [projectId, copy].map(
        async (id) => (await owner.json<ScheduleBody>('GET', `/api/projects/${id}/schedule`)).finish,
      ),
    );
    expect(finishes[1]).toBe(finishes[0]);
  });
});

// MPXJ's resource samples hold a turtle-contoured assignment whose stretched span sets the project's finish.
const contouredFiles = [
  'mspdi/mpxj-misc/mspdiresource.xml',
  'mpp-converted/mpxj-misc/mpp14resource.mspdi.xml',
];

describe.skipIf(!hasCorpus)('importing MS Project files with contoured assignments', () => {
  it.each(contouredFiles)(
    'keeps the contours of %s, schedules it to the finish MS Project saved and exports it to the same finish',
    async (path) => {
      const xml = corpusFile(path);
      const saved = (await readMspdiString(xml)).properties.FinishDate;
      expect(saved).toBeDefined();
      const projectId = await importMspdi(owner, workspaceId, xml, path.split('/').at(-1));
      const contours = await sql(
        t,
        'select contour from assignments where project_id = $1 and contour <> $2',
        [projectId, 'flat'],
      );
      expect(contours).toEqual([{ contour: 'turtle' }]);
      const { finish } = await owner.json<ScheduleBody>('GET', `/api/projects/${projectId}/schedule`);
      const time = await projectWorkingTime(t.server.deps.db, projectId);
      // Compared in working time, to the minute: the saved finish keeps seconds of a contoured span.
      const apart = time.workBetween(parseInstant(finish), wallMinutes(saved as number));
      expect(Math.abs(apart), `${finish} against the saved finish`).toBeLessThan(1);
      // Exported and imported again, the plan keeps its contour and its finish.
      const exported = await owner.request('GET', `/api/projects/${projectId}/export.xml`);
      const copy = await importMspdi(owner, workspaceId, await exported.text(), 'contoured-copy.xml');
      expect((await owner.json<ScheduleBody>('GET', `/api/projects/${copy}/schedule`)).finish).toBe(finish);
      const copied = await sql(
        t,
        "select contour from assignments where project_id = $1 and contour <> 'flat'",
        [copy],
      );
      expect(copied).toEqual([{ contour: 'turtle' }]);
    },
  );
});

if (!hasCorpus) {
  describe('importing MS Project files with contoured assignments', () => {
    it.skip('needs ../shared/corpus beside the checkout (mspdiresource, mpp14resource), absent here', () => {});
  });
}
