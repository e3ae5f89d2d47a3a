import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, anonymous, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

type Colour = 'green' | 'amber' | 'red' | null;
interface Entry {
  suggested: Colour;
  chosen: Colour;
  reason: string;
}
interface Report {
  id: string;
  title: string;
  state: 'draft' | 'published';
  version: number;
  narrative: string;
  periodStart: string;
  periodFinish: string;
  rag: Record<'schedule' | 'cost' | 'scope' | 'risk' | 'quality', Entry>;
  figures: {
    asOf: string;
    schedule: {
      finish: string;
      lateMilestones: number;
      milestones: { name: string; late: boolean }[];
    } | null;
    risk: { open: number; openHigh: number; recorded: number } | null;
    cost: { bac: number; ev: number; ac: number; cpi: number | null; spi: number | null } | null;
    scope: { pendingChanges: number } | null;
    quality: { rejectedDeliverables: number; openHighIssues: number; recorded: number } | null;
  } | null;
}

let t: TestServer;
let manager: Caller;
let contributor: Caller;
let guest: Caller;
let outsider: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  manager = await signUp(t, 'Manager');
  contributor = await signUp(t, 'Contributor');
  guest = await signUp(t, 'Stakeholder');
  outsider = await signUp(t, 'Outsider');
  workspaceId = await createWorkspace(t, manager);
  await addMember(t, workspaceId, contributor, 'member');
  await addMember(t, workspaceId, guest, 'guest');
});
afterAll(async () => {
  await t?.close();
});

/** A project starting Monday 2026-03-02 with a five-day task and a milestone after it, due on its finish. */
async function project() {
  const { id } = await manager.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
    name: 'Apollo',
    startDate: '2026-03-02',
  });
  const build = await manager.json<{ id: string; version: number }>('POST', `/api/projects/${id}/tasks`, {
    name: 'Build',
    durationMinutes: 5 * 480,
  });
  const launch = await manager.json<{ id: string }>('POST', `/api/projects/${id}/tasks`, {
    name: 'Launch',
    durationMinutes: 0,
    isMilestone: true,
    deadline: '2026-03-06T17:00',
  });
  await manager.json(
    'POST',
    `/api/projects/${id}/links`,
    { predecessorId: build.id, successorId: launch.id, type: 'FS' },
    201,
  );
  await setStatusDate(id, '2026-03-03');
  await manager.json('PUT', `/api/projects/${id}/members/${contributor.id}`, { role: 'contributor' }, 201);
  await manager.json('PUT', `/api/projects/${id}/members/${guest.id}`, { role: 'viewer' }, 201);
  return { projectId: id, build };
}

async function setStatusDate(projectId: string, statusDate: string) {
  const current = await manager.json<{ version: number }>('GET', `/api/projects/${projectId}`);
  await manager.json('PATCH', `/api/projects/${projectId}`, { version: current.version, statusDate });
}

const period = { periodStart: '2026-03-01', periodFinish: '2026-03-14' };
const draft = (caller: Caller, projectId: string, body: Record<string, unknown> = {}) =>
  caller.request('POST', `/api/projects/${projectId}/status-reports`, {
    body: { title: 'Week 10', ...period, ...body },
  });
async function created(projectId: string, body: Record<string, unknown> = {}): Promise<Report> {
  const response = await draft(manager, projectId, body);
  expect(response.status).toBe(201);
  return (await response.json()) as Report;
}
const publish = (caller: Caller, projectId: string, report: { id: string; version: number }) =>
  caller.request('POST', `/api/projects/${projectId}/status-reports/${report.id}/publish`, {
    body: { version: report.version },
  });
async function published(projectId: string, body: Record<string, unknown> = {}): Promise<Report> {
  const report = await created(projectId, body);
  const response = await publish(manager, projectId, report);
  expect(response.status).toBe(200);
  return (await response.json()) as Report;
}
async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; field?: string; message: string } }).error;
}

describe('status reports', () => {
  it('suggests each colour from the figures, and says "no data" where there are none', async () => {
    const { projectId } = await project();
    let report = await created(projectId);
    expect(report.state).toBe('draft');
    expect(report.rag.schedule).toEqual({ suggested: 'green', chosen: null, reason: '' });
    expect(report.rag.risk.suggested).toBeNull();
    expect(report.rag.quality.suggested).toBeNull();
    expect(report.rag.scope.suggested).toBe('green');
    expect(report.figures?.schedule?.milestones).toEqual([
      expect.objectContaining({ name: 'Launch', late: false }),
    ]);

    const insertRisk = (score: number) =>
      sql(
        t,
        'insert into risks (id, workspace_id, project_id, title, probability, impact, score) values ($1, $2, $3, $4, 5, 5, $5)',
        [newId('rsk'), workspaceId, projectId, `Risk ${score}`, score],
      );
    await insertRisk(25);
    await insertRisk(4);
    for (let n = 1; n <= 2; n++) {
      await sql(
        t,
        `insert into change_requests (id, workspace_id, project_id, number, title, status) values ($1, $2, $3, $4, 'More', 'submitted')`,
        [newId('chg'), workspaceId, projectId, n],
      );
    }
    await sql(
      t,
      `insert into deliverables (id, workspace_id, project_id, title, state) values ($1, $2, $3, 'Spec', 'rejected')`,
      [newId('dlv'), workspaceId, projectId],
    );
    report = await manager.json<Report>('GET', `/api/projects/${projectId}/status-reports/${report.id}`);
    expect(report.figures?.risk).toMatchObject({ recorded: 2, open: 2, openHigh: 1 });
    expect(report.rag.risk.suggested).toBe('amber');
    expect(report.rag.scope.suggested).toBe('amber');
    expect(report.figures?.quality).toMatchObject({ rejectedDeliverables: 1, recorded: 1 });
    expect(report.rag.quality.suggested).toBe('amber');
  });

  it('rates cost from the CPI of earned value, and the schedule from its SPI too', async () => {
    const { projectId, build } = await project();
    await sql(
      t,
      `insert into budget_lines (id, workspace_id, project_id, category, name, amount_cents) values ($1, $2, $3, 'labour', 'Crew', 100000)`,
      [newId('bud'), workspaceId, projectId],
    );
    await sql(
      t,
      `insert into expenses (id, workspace_id, project_id, day, category, amount_cents) values ($1, $2, $3, '2026-03-02', 'materials', 40000)`,
      [newId('exp'), workspaceId, projectId],
    );
    await manager.json('PATCH', `/api/tasks/${build.id}`, { version: build.version, percentComplete: 20 });
    const report = await created(projectId);
    const cost = report.figures?.cost;
    expect(cost).toMatchObject({ bac: 100000, ev: 20000, ac: 40000, cpi: 0.5 });
    expect(report.rag.cost.suggested).toBe('red');
    // Two of five days planned by the status date, one done: SPI 0.5 makes the schedule red though no milestone is late.
    expect(cost).toMatchObject({ pv: 40000, spi: 0.5 });
    expect(report.figures?.schedule?.lateMilestones).toBe(0);
    expect(report.rag.schedule.suggested).toBe('red');
  });

  it('refuses an override without a reason, naming the dimension', async () => {
    const { projectId } = await project();
    const response = await draft(manager, projectId, { rag: { schedule: { chosen: 'red' } } });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'rag.schedule.reason',
    });
    const report = await created(projectId);
    const noReason = await manager.request(
      'PATCH',
      `/api/projects/${projectId}/status-reports/${report.id}`,
      {
        body: { version: report.version, rag: { cost: { chosen: 'amber', reason: '  ' } } },
      },
    );
    expect(noReason.status).toBe(400);
    expect((await errorOf(noReason)).field).toBe('rag.cost.reason');
    const withReason = await manager.json<Report>(
      'PATCH',
      `/api/projects/${projectId}/status-reports/${report.id}`,
      {
        version: report.version,
        rag: { cost: { chosen: 'amber', reason: 'The vendor invoice is late' } },
        narrative: '**On track** overall.',
      },
    );
    expect(withReason.rag.cost).toEqual({
      suggested: null,
      chosen: 'amber',
      reason: 'The vendor invoice is late',
    });
    expect(withReason.version).toBe(report.version + 1);
  });

  it('names the field of other bad input and leaves nothing behind', async () => {
    const { projectId } = await project();
    const cases: [Record<string, unknown>, string][] = [
      [{ periodStart: '2026-03-10', periodFinish: '2026-03-01' }, 'periodFinish'],
      [{ periodStart: 'soon' }, 'periodStart'],
      [{ periodStart: '0000-01-01' }, 'periodStart'],
      [{ title: '' }, 'title'],
      [{ rag: { schedule: { chosen: 'purple' } } }, 'rag.schedule.chosen'],
      [{ rag: { mood: { chosen: 'red' } } }, 'rag'],
      [{ rag: { cost: { chosen: 'red', reason: 'nul \u0000 byte' } } }, 'rag.cost.reason'],
    ];
    for (const [body, field] of cases) {
      const response = await draft(manager, projectId, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await errorOf(response)).field, JSON.stringify(body)).toContain(field);
    }
    const listed = await manager.json<{ items: Report[] }>(
      'GET',
      `/api/projects/${projectId}/status-reports`,
    );
    expect(listed.items).toEqual([]);
  });

  it('gives a new report without a period the seven days ending today, then the days since the latest report', async () => {
    const { projectId } = await project();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const noPeriod = { periodStart: undefined, periodFinish: undefined };
    const first = await created(projectId, { title: 'First', ...noPeriod });
    expect([first.periodStart, first.periodFinish]).toEqual([day(-6), day(0)]);
    await created(projectId, { title: 'Earlier', periodStart: day(-30), periodFinish: day(-20) });
    const moved = await manager.json<Report>(
      'PATCH',
      `/api/projects/${projectId}/status-reports/${first.id}`,
      {
        version: first.version,
        periodStart: day(-9),
        periodFinish: day(-3),
      },
    );
    expect(moved.periodFinish).toBe(day(-3));
    const next = await created(projectId, { title: 'Next', ...noPeriod });
    expect([next.periodStart, next.periodFinish]).toEqual([day(-2), day(0)]);
    const startOnly = await created(projectId, {
      title: 'Given start',
      periodStart: day(-1),
      periodFinish: undefined,
    });
    expect([startOnly.periodStart, startOnly.periodFinish]).toEqual([day(-1), day(0)]);
  });

  it('freezes the figures at publication: later plan changes leave a published report as it was', async () => {
    const { projectId, build } = await project();
    const report = await published(projectId, { narrative: 'Launch on time.' });
    expect(report.state).toBe('published');
    expect(report.rag.schedule).toEqual({ suggested: 'green', chosen: 'green', reason: '' });
    const finishBefore = report.figures?.schedule?.finish;

    await manager.json('PATCH', `/api/tasks/${build.id}`, {
      version: build.version,
      durationMinutes: 10 * 480,
    });
    const again = await manager.json<Report>('GET', `/api/projects/${projectId}/status-reports/${report.id}`);
    expect(again.figures).toEqual(report.figures);
    expect(again.rag).toEqual(report.rag);
    const fresh = await created(projectId);
    expect(fresh.figures?.schedule?.finish).not.toBe(finishBefore);
    expect(fresh.figures?.schedule?.lateMilestones).toBe(1);
    expect(fresh.rag.schedule.suggested).toBe('amber');
  });

  it('keeps a published report read-only', async () => {
    const { projectId } = await project();
    const report = await published(projectId);
    const path = `/api/projects/${projectId}/status-reports/${report.id}`;
    const edit = await manager.request('PATCH', path, {
      body: { version: report.version, title: 'Changed' },
    });
    expect(edit.status).toBe(409);
    expect((await errorOf(edit)).field).toBe('state');
    expect((await manager.request('DELETE', path, { body: { version: report.version } })).status).toBe(409);
    expect((await publish(manager, projectId, report)).status).toBe(409);
    const kept = await manager.json<Report>('GET', path);
    expect(kept.title).toBe('Week 10');
  });

  it('answers 409 to a stale version and 428 without one', async () => {
    const { projectId } = await project();
    const report = await created(projectId);
    const path = `/api/projects/${projectId}/status-reports/${report.id}`;
    await manager.json('PATCH', path, { version: report.version, title: 'First' });
    const stale = await manager.request('PATCH', path, {
      body: { version: report.version, title: 'Second' },
    });
    expect(stale.status).toBe(409);
    expect((await manager.request('PATCH', path, { body: { title: 'Third' } })).status).toBe(428);
  });

  it('lists the history newest first with its colours, drafts only for those who edit the project', async () => {
    const { projectId } = await project();
    const march = await published(projectId, {
      title: 'March',
      periodStart: '2026-03-01',
      periodFinish: '2026-03-31',
    });
    const april = await published(projectId, {
      title: 'April',
      periodStart: '2026-04-01',
      periodFinish: '2026-04-30',
      rag: { risk: { chosen: 'red', reason: 'Supplier insolvency rumours' } },
    });
    const may = await created(projectId, {
      title: 'May draft',
      periodStart: '2026-05-01',
      periodFinish: '2026-05-31',
    });
    const path = `/api/projects/${projectId}/status-reports`;
    const all = await manager.json<{ items: Report[] }>('GET', path);
    expect(all.items.map((item) => item.title)).toEqual(['May draft', 'April', 'March']);
    expect(all.items[1]?.rag.risk).toEqual({
      suggested: null,
      chosen: 'red',
      reason: 'Supplier insolvency rumours',
    });
    expect((await contributor.json<{ items: Report[] }>('GET', path)).items).toHaveLength(3);
    const seenByGuest = await guest.json<{ items: Report[] }>('GET', path);
    expect(seenByGuest.items.map((item) => item.id)).toEqual([april.id, march.id]);
    expect((await guest.request('GET', `${path}/${may.id}`)).status).toBe(404);
    expect((await guest.request('GET', `${path}/${april.id}`)).status).toBe(200);
    expect((await outsider.request('GET', path)).status).toBe(404);
  });

  it('lets contributors draft but only managers publish', async () => {
    const { projectId } = await project();
    const response = await draft(contributor, projectId);
    expect(response.status).toBe(201);
    const report = (await response.json()) as Report;
    expect((await publish(contributor, projectId, report)).status).toBe(403);
    expect((await draft(guest, projectId)).status).toBe(403);
    expect((await draft(outsider, projectId)).status).toBe(404);
    expect((await publish(manager, projectId, report)).status).toBe(200);
  });

  it('deletes a draft', async () => {
    const { projectId } = await project();
    const report = await created(projectId);
    const path = `/api/projects/${projectId}/status-reports/${report.id}`;
    expect((await manager.request('DELETE', path, { body: { version: report.version } })).status).toBe(204);
    expect((await manager.request('GET', path)).status).toBe(404);
  });
});

/** The text a PDF shows: its streams inflated, and the hex and literal strings of their text operators decoded. */
function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  let text = raw;
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let match = streams.exec(raw); match; match = streams.exec(raw)) {
    try {
      text += inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      // Not every stream is deflated (fonts, images); those carry no text.
    }
  }
  // Text shows as `[<hex> kerning <hex> …] TJ`: join each array's strings, dropping the kerning between them.
  return text.replace(/\[([^\]]*)\]\s*TJ/g, (_all, parts: string) =>
    [...parts.matchAll(/<([0-9a-fA-F]*)>/g)]
      .map((part) => Buffer.from(part[1] ?? '', 'hex').toString('latin1'))
      .join(''),
  );
}

describe('status report PDFs and share links', () => {
  it('renders a report as a real PDF with its title, RAG table and narrative', async () => {
    const { projectId } = await project();
    const report = await published(projectId, {
      title: 'Quarterly board update',
      narrative: '## Highlights\n- Foundations poured',
    });
    const response = await manager.request(
      'GET',
      `/api/projects/${projectId}/status-reports/${report.id}.pdf`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Quarterly board update');
    expect(text).toContain('Schedule');
    expect(text).toContain('Foundations poured');
    expect(
      (await outsider.request('GET', `/api/projects/${projectId}/status-reports/${report.id}.pdf`)).status,
    ).toBe(404);
    const odd = encodeURIComponent('a\u0000b');
    expect(
      (await manager.request('GET', `/api/projects/${projectId}/status-reports/${odd}.pdf`)).status,
    ).toBe(404);
  });

  it('shares a published report through a link that opens without signing in, until revoked', async () => {
    const { projectId } = await project();
    const report = await published(projectId, { title: 'For the sponsor' });
    const link = await manager.json<{ link: { id: string }; token: string }>(
      'POST',
      '/api/share-links',
      { entityType: 'status_report', entityId: report.id, label: 'Sponsor' },
      201,
    );
    const shared = await anonymous(t).json<{
      entityType: string;
      entity: { projectName: string; report: Report };
    }>('GET', `/api/shared/${link.token}`);
    expect(shared.entityType).toBe('status_report');
    expect(shared.entity.projectName).toBe('Apollo');
    expect(shared.entity.report).toMatchObject({
      id: report.id,
      title: 'For the sponsor',
      figures: report.figures,
    });
    expect(shared.entity.report).not.toHaveProperty('createdBy');
    const pdf = await t.request('GET', `/api/shared/${link.token}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdfText(Buffer.from(await pdf.arrayBuffer()))).toContain('For the sponsor');

    await manager.json('DELETE', `/api/share-links/${link.link.id}`);
    expect((await t.request('GET', `/api/shared/${link.token}`)).status).toBe(404);
    expect((await t.request('GET', `/api/shared/${link.token}/pdf`)).status).toBe(404);
  });

  it('refuses to share a draft, and lets only managers share', async () => {
    const { projectId } = await project();
    const report = await created(projectId);
    const body = { entityType: 'status_report', entityId: report.id };
    const refused = await manager.request('POST', '/api/share-links', { body });
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).field).toBe('entityId');
    expect((await outsider.request('POST', '/api/share-links', { body })).status).toBe(404);
    const publishedReport = await published(projectId);
    const mine = { entityType: 'status_report', entityId: publishedReport.id };
    expect((await contributor.request('POST', '/api/share-links', { body: mine })).status).toBe(403);
    expect((await manager.request('POST', '/api/share-links', { body: mine })).status).toBe(201);
  });
});
