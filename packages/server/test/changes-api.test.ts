import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Impact {
  finish: { before: string; after: string; deltaMinutes: number };
  milestones: { taskId: string; name: string; deltaMinutes: number | null }[];
  scope: { added: unknown[]; removed: unknown[]; changed: { taskId: string }[] };
  criticalPath: { before: { taskId: string }[]; after: { taskId: string }[] };
}
interface ChangeRequest {
  id: string;
  number: number;
  code: string;
  status: string;
  version: number;
  impact: Impact | null;
  approvals: { role: string; decision: string; comment: string; userId: string }[];
  canDecideAs?: string[];
  baselineId?: string | null;
}
interface Task {
  id: string;
  version: number;
}

/** The error body of a refused request. */
async function errorOf(response: Response): Promise<{ code: string; message: string; field?: string }> {
  return ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;
}

let t: TestServer;
let owner: Caller;
let sponsor: Caller;
let contributor: Caller;
let member: Caller;
let outsider: Caller;
let workspaceId: string;
let productId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Project Manager');
  sponsor = await signUp(t, 'Sponsor');
  contributor = await signUp(t, 'Contributor');
  member = await signUp(t, 'Member');
  outsider = await signUp(t, 'Outsider');
  workspaceId = await createWorkspace(t, owner);
  for (const caller of [sponsor, contributor, member]) await addMember(t, workspaceId, caller, 'member');
  // The sponsor creates the product and so is its product manager; the workspace owner holds no role on it.
  productId = (
    await sponsor.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/products`, { name: 'App' })
  ).id;
});
afterAll(async () => {
  await t?.close();
});

/**
 * A project of the product starting Wednesday 4 March 2026: Design 1d → Build 1d → Test 1d → Launch (milestone), so the
 * plan finishes on Friday 6 March.
 */
async function chainProject() {
  const project = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
    name: 'Chain',
    startDate: '2026-03-04',
    productId,
  });
  await owner.json(
    'PUT',
    `/api/projects/${project.id}/members/${contributor.id}`,
    { role: 'contributor' },
    201,
  );
  const task = (name: string, durationMinutes: number) =>
    owner.json<Task>('POST', `/api/projects/${project.id}/tasks`, {
      name,
      durationMinutes,
      isMilestone: durationMinutes === 0,
    });
  const design = await task('Design', 480);
  const build = await task('Build', 480);
  const test = await task('Test', 480);
  const launch = await task('Launch', 0);
  for (const [a, b] of [
    [design, build],
    [build, test],
    [test, launch],
  ] as const) {
    await owner.json('POST', `/api/projects/${project.id}/links`, { predecessorId: a.id, successorId: b.id });
  }
  return { projectId: project.id, design, build, test, launch };
}

const finishOf = async (projectId: string) =>
  (await owner.json<{ finish: string }>('GET', `/api/projects/${projectId}/schedule`)).finish;

async function raise(caller: Caller, projectId: string, proposal: unknown[], submit = true) {
  return caller.json<ChangeRequest>(
    'POST',
    `/api/projects/${projectId}/change-requests`,
    { title: 'Longer build', reason: 'The customer asked for SSO', proposal, submit },
    201,
  );
}

async function decide(
  caller: Caller,
  cr: ChangeRequest,
  role: string,
  decision = 'approved',
  expected = 200,
) {
  return caller.json<ChangeRequest>(
    'POST',
    `/api/change-requests/${cr.id}/decisions`,
    { role, decision, comment: `${role} says ${decision}`, version: cr.version },
    expected,
  );
}

describe('change requests', () => {
  it('numbers change requests per project and keeps the impact of a submitted one', async () => {
    const { projectId, build } = await chainProject();
    const first = await raise(owner, projectId, [
      { kind: 'setDuration', taskId: build.id, durationMinutes: 1440 },
    ]);
    const second = await raise(contributor, projectId, [], false);
    expect([first.code, second.code]).toEqual(['CR-1', 'CR-2']);
    expect(first.status).toBe('submitted');
    expect(second.status).toBe('draft');
    // Build grows by two days: Test and Launch move from Friday over the weekend to Tuesday.
    expect(first.impact?.finish).toEqual({
      before: '2026-03-06T17:00',
      after: '2026-03-10T17:00',
      deltaMinutes: 960,
    });
    expect(first.impact?.milestones).toEqual([
      expect.objectContaining({ name: 'Launch', deltaMinutes: 960 }),
    ]);
    expect(first.impact?.scope.changed.map((item) => item.taskId)).toEqual([build.id]);
    const { items } = await owner.json<{ items: ChangeRequest[] }>(
      'GET',
      `/api/projects/${projectId}/change-requests`,
    );
    expect(items.map((item) => item.code)).toEqual(['CR-2', 'CR-1']);
  });

  it('refuses a proposal naming a task the plan does not have with 422 naming the edit', async () => {
    const { projectId, build } = await chainProject();
    const response = await owner.request('POST', `/api/projects/${projectId}/change-requests`, {
      body: {
        title: 'Bad',
        proposal: [
          { kind: 'setDuration', taskId: build.id, durationMinutes: 960 },
          { kind: 'removeTask', taskId: 'tsk_nope' },
        ],
      },
    });
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatchObject({
      code: 'PROPOSAL_INVALID',
      field: 'proposal[1].taskId',
    });
    const { items } = await owner.json<{ items: unknown[] }>(
      'GET',
      `/api/projects/${projectId}/change-requests`,
    );
    expect(items).toEqual([]);
  });

  it('refuses malformed proposals and bodies with 400 naming the field', async () => {
    const { projectId, build } = await chainProject();
    const cases: [unknown, string][] = [
      [{ title: '', proposal: [] }, 'title'],
      [{ title: 'X', proposal: [{ kind: 'explode', taskId: build.id }] }, 'proposal.0.kind'],
      [
        { title: 'X', proposal: [{ kind: 'setDuration', taskId: build.id, durationMinutes: -5 }] },
        'proposal.0.durationMinutes',
      ],
      [{ title: 'X', proposal: [], colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const response = await owner.request('POST', `/api/projects/${projectId}/change-requests`, { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await errorOf(response)).field ?? '').toContain(field.split('.')[0]);
    }
  });

  it('previews the impact of a proposal without writing anything', async () => {
    const { projectId, design } = await chainProject();
    const { impact } = await owner.json<{ impact: Impact }>(
      'POST',
      `/api/projects/${projectId}/change-impact`,
      {
        proposal: [{ kind: 'removeTask', taskId: design.id }],
      },
    );
    expect(impact.finish.deltaMinutes).toBe(-480);
    expect(await finishOf(projectId)).toBe('2026-03-06T17:00');
  });

  it('applies a change approved by the project manager and the sponsor, re-setting the baseline with its reason', async () => {
    const { projectId, build } = await chainProject();
    await owner.json('POST', `/api/projects/${projectId}/baselines`, { name: 'Original' }, 201);
    let cr = await raise(contributor, projectId, [
      { kind: 'setDuration', taskId: build.id, durationMinutes: 1440 },
      { kind: 'addTask', name: 'Security review', parentId: null, durationMinutes: 480 },
    ]);
    cr = await decide(owner, cr, 'project_manager');
    expect(cr.status).toBe('submitted');
    const seen = await sponsor.json<ChangeRequest>('GET', `/api/change-requests/${cr.id}`);
    expect(seen.canDecideAs).toEqual(['sponsor']);
    cr = await decide(sponsor, cr, 'sponsor');
    expect(cr.status).toBe('approved');
    expect(cr.approvals.map((a) => [a.role, a.decision, a.userId])).toEqual([
      ['project_manager', 'approved', owner.id],
      ['sponsor', 'approved', sponsor.id],
    ]);
    const revisionBefore = (await sql(t, 'select plan_revision from projects where id = $1', [projectId]))[0]
      ?.plan_revision;
    const applied = await owner.json<ChangeRequest>('POST', `/api/change-requests/${cr.id}/apply`, {
      resetBaseline: true,
      reason: 'SSO approved by the board',
      version: cr.version,
    });
    expect(applied.status).toBe('applied');
    expect(await finishOf(projectId)).toBe('2026-03-10T17:00');
    const revisionAfter = (await sql(t, 'select plan_revision from projects where id = $1', [projectId]))[0]
      ?.plan_revision;
    expect(revisionAfter).toBe(revisionBefore + 1);
    const history = await sql(
      t,
      `select entity_type, action from audit_entries where entity_id in (select id from tasks where project_id = $1 and name = 'Security review') or entity_id = $2`,
      [projectId, build.id],
    );
    expect(history).toEqual(
      expect.arrayContaining([
        { entity_type: 'task', action: 'create' },
        { entity_type: 'task', action: 'update' },
      ]),
    );
    const scope = await owner.json<{
      baseline: { id: string; name: string };
      comparison: { differences: { name: string; kind: string }[] };
      resets: { baselineId: string; changeRequestId: string; reason: string }[];
    }>('GET', `/api/projects/${projectId}/scope`);
    expect(scope.baseline.id).toBe(applied.baselineId);
    expect(scope.comparison.differences).toEqual([]);
    expect(scope.resets).toEqual([
      expect.objectContaining({
        baselineId: applied.baselineId,
        changeRequestId: cr.id,
        reason: 'SSO approved by the board',
      }),
    ]);
    const { items } = await owner.json<{ items: { id: string; name: string }[] }>(
      'GET',
      `/api/projects/${projectId}/baselines`,
    );
    const original = items.find((item) => item.name === 'Original');
    const againstOriginal = await owner.json<{
      comparison: { differences: { name: string; kind: string }[] };
    }>('GET', `/api/projects/${projectId}/scope?baselineId=${original?.id}`);
    expect(againstOriginal.comparison.differences.map((d) => `${d.name}:${d.kind}`)).toEqual([
      'Build:changed',
      'Security review:added',
    ]);
  });

  it('lets only the project manager and the sponsor decide: 403 for those who see the project, 404 for others', async () => {
    const { projectId, build } = await chainProject();
    const cr = await raise(owner, projectId, [
      { kind: 'setDuration', taskId: build.id, durationMinutes: 960 },
    ]);
    const refusals: [Caller, string, number][] = [
      [contributor, 'project_manager', 403],
      [member, 'sponsor', 403],
      [sponsor, 'project_manager', 403],
      [owner, 'sponsor', 403],
      [outsider, 'sponsor', 404],
    ];
    for (const [caller, role, status] of refusals) {
      const response = await caller.request('POST', `/api/change-requests/${cr.id}/decisions`, {
        body: { role, decision: 'approved', version: cr.version },
      });
      expect(response.status, `${caller.name} as ${role}`).toBe(status);
    }
    const applying = await contributor.request('POST', `/api/change-requests/${cr.id}/apply`, {
      body: { version: cr.version },
    });
    expect(applying.status).toBe(403);
    expect((await outsider.request('GET', `/api/change-requests/${cr.id}`)).status).toBe(404);
  });

  it('takes the workspace owner or an admin as the sponsor of a project without a product', async () => {
    const project = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Standalone',
      startDate: '2026-03-02',
    });
    const task = await owner.json<Task>('POST', `/api/projects/${project.id}/tasks`, {
      name: 'Only',
      durationMinutes: 480,
    });
    let cr = await raise(owner, project.id, [{ kind: 'setDuration', taskId: task.id, durationMinutes: 960 }]);
    expect(
      (
        await sponsor.request('POST', `/api/change-requests/${cr.id}/decisions`, {
          body: { role: 'sponsor', decision: 'approved', version: cr.version },
        })
      ).status,
    ).toBe(403);
    cr = await decide(owner, cr, 'sponsor');
    cr = await decide(owner, cr, 'project_manager');
    expect(cr.status).toBe('approved');
  });

  it('rejects the change on one rejection and refuses a second decision by the same role', async () => {
    const { projectId, build } = await chainProject();
    let cr = await raise(owner, projectId, [{ kind: 'setDuration', taskId: build.id, durationMinutes: 960 }]);
    cr = await decide(owner, cr, 'project_manager');
    const again = await owner.request('POST', `/api/change-requests/${cr.id}/decisions`, {
      body: { role: 'project_manager', decision: 'rejected', version: cr.version },
    });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('ALREADY_DECIDED');
    cr = await decide(sponsor, cr, 'sponsor', 'rejected');
    expect(cr.status).toBe('rejected');
    const applying = await owner.request('POST', `/api/change-requests/${cr.id}/apply`, {
      body: { version: cr.version },
    });
    expect(applying.status).toBe(409);
    expect(await finishOf(projectId)).toBe('2026-03-06T17:00');
  });

  it('refuses to apply a change whose task was removed since it was approved, writing nothing', async () => {
    const { projectId, build, test } = await chainProject();
    let cr = await raise(owner, projectId, [
      { kind: 'setDuration', taskId: build.id, durationMinutes: 960 },
      { kind: 'setDuration', taskId: test.id, durationMinutes: 960 },
    ]);
    cr = await decide(owner, cr, 'project_manager');
    cr = await decide(sponsor, cr, 'sponsor');
    await owner.json('DELETE', `/api/tasks/${test.id}`, { version: test.version }, 204);
    const response = await owner.request('POST', `/api/change-requests/${cr.id}/apply`, {
      body: { version: cr.version },
    });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).field).toBe('proposal[1].taskId');
    const [stored] = await sql(t, 'select duration_minutes from tasks where id = $1', [build.id]);
    expect(stored?.duration_minutes).toBe(480);
    expect((await owner.json<ChangeRequest>('GET', `/api/change-requests/${cr.id}`)).status).toBe('approved');
  });

  it('refuses change requests on a template and on a closed project with 409 and a clear code', async () => {
    const { projectId } = await chainProject();
    await sql(t, 'update projects set is_template = true where id = $1', [projectId]);
    const onTemplate = await owner.request('POST', `/api/projects/${projectId}/change-requests`, {
      body: { title: 'X', proposal: [] },
    });
    expect(onTemplate.status).toBe(409);
    expect((await errorOf(onTemplate)).code).toBe('PROJECT_IS_TEMPLATE');
    await sql(t, `update projects set is_template = false, state = 'closed' where id = $1`, [projectId]);
    const onClosed = await owner.request('POST', `/api/projects/${projectId}/change-requests`, {
      body: { title: 'X', proposal: [] },
    });
    expect(onClosed.status).toBe(409);
    expect((await errorOf(onClosed)).code).toBe('PROJECT_CLOSED');
  });

  it('refuses a proposal that would make a dependency cycle with 422', async () => {
    const { projectId, design, test } = await chainProject();
    const response = await owner.request('POST', `/api/projects/${projectId}/change-requests`, {
      body: {
        title: 'Loop',
        proposal: [{ kind: 'addLink', predecessorId: test.id, successorId: design.id }],
      },
    });
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatchObject({ code: 'dependency_cycle', field: 'proposal' });
  });

  it('edits a draft, refuses to edit once submitted, and deletes a draft', async () => {
    const { projectId, build } = await chainProject();
    let cr = await raise(owner, projectId, [], false);
    cr = await owner.json<ChangeRequest>('PATCH', `/api/change-requests/${cr.id}`, {
      proposal: [{ kind: 'setDuration', taskId: build.id, durationMinutes: 960 }],
      version: cr.version,
    });
    expect(cr.impact?.finish.deltaMinutes).toBe(480);
    const stale = await owner.request('PATCH', `/api/change-requests/${cr.id}`, {
      body: { title: 'Y', version: 1 },
    });
    expect(stale.status).toBe(409);
    cr = await owner.json<ChangeRequest>('POST', `/api/change-requests/${cr.id}/submit`, {
      version: cr.version,
    });
    const late = await owner.request('PATCH', `/api/change-requests/${cr.id}`, {
      body: { title: 'Y', version: cr.version },
    });
    expect(late.status).toBe(409);
    const draft = await raise(owner, projectId, [], false);
    await owner.json('DELETE', `/api/change-requests/${draft.id}`, { version: draft.version }, 204);
    expect((await owner.request('GET', `/api/change-requests/${draft.id}`)).status).toBe(404);
  });

  it('shows no scope comparison before the first baseline', async () => {
    const { projectId } = await chainProject();
    const scope = await owner.json<{ baseline: unknown; comparison: unknown }>(
      'GET',
      `/api/projects/${projectId}/scope`,
    );
    expect(scope).toMatchObject({ baseline: null, comparison: null });
  });

  it('names a work package deleted since the baseline as removed, from the audit log', async () => {
    const { projectId, test, build } = await chainProject();
    await owner.json('POST', `/api/projects/${projectId}/baselines`, { name: 'Before cuts' }, 201);
    await owner.json('DELETE', `/api/tasks/${test.id}`, { version: test.version }, 204);
    await owner.json('PATCH', `/api/tasks/${build.id}`, { durationMinutes: 960, version: build.version });
    const scope = await owner.json<{
      comparison: {
        differences: { name: string; kind: string; baseline: { durationMinutes: number } | null }[];
        unchanged: number;
        totals: { baseline: { packages: number }; current: { packages: number } };
      };
    }>('GET', `/api/projects/${projectId}/scope`);
    expect(scope.comparison.differences.map((d) => `${d.name}:${d.kind}`)).toEqual([
      'Build:changed',
      'Test:removed',
    ]);
    expect(scope.comparison.totals.baseline.packages).toBe(4);
    expect(scope.comparison.totals.current.packages).toBe(3);
  });
});
