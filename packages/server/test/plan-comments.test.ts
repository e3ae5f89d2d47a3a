import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, signUp, sql } from './helpers/domain-world';
import { type PlanTask, type PlanWorld, planWorld, send } from './helpers/plan-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Comment {
  id: string;
  body: string;
  author: { id: string; name: string } | null;
  version: number;
}

let t: TestServer;
let w: PlanWorld;
let projectId: string;
let task: PlanTask;
let contributor: Caller;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await planWorld(t);
  projectId = await w.newProject();
  task = await w.addTask(projectId, { name: 'Discussed' });
  contributor = await signUp(t, 'Contributor');
  await addMember(t, w.workspaceId, contributor, 'member');
  await sql(
    t,
    `insert into entity_members (entity_type, entity_id, user_id, workspace_id, role) values ('project', $1, $2, $3, 'contributor')`,
    [projectId, contributor.id, w.workspaceId],
  );
});
afterAll(async () => {
  await t?.close();
});

const comment = (caller: Caller, body: unknown) =>
  send(caller, 'POST', `/api/tasks/${task.id}/comments`, body);

describe('comments', () => {
  it('stores Markdown exactly as written and lists comments oldest first with their authors', async () => {
    const markdown = '  Code:\n\n    <script>alert(1)</script>\n\n**bold** [link](javascript:x)';
    const first = await comment(w.owner, { body: markdown });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      body: markdown,
      author: { id: w.owner.id, name: w.owner.name },
      version: 1,
    });
    await comment(contributor, { body: 'Second' });
    const list = await w.owner.json<{ items: Comment[] }>('GET', `/api/tasks/${task.id}/comments`);
    expect(list.items.map((item) => item.body)).toEqual([markdown, 'Second']);
  });

  it('refuses a blank or oversized body and an unknown field', async () => {
    expect((await comment(w.owner, { body: '   ' })).body.error?.field).toBe('body');
    expect((await comment(w.owner, { body: 'x'.repeat(20_001) })).body.error?.field).toBe('body');
    expect((await comment(w.owner, { body: 'x', pinned: true })).body.error?.field).toBe('pinned');
  });

  it('lets the author and a manager change or delete a comment, and nobody else', async () => {
    const mine = (await comment(contributor, { body: 'Mine' })).body as unknown as Comment;
    const edited = await send(contributor, 'PATCH', `/api/comments/${mine.id}`, {
      body: 'Mine, edited',
      version: 1,
    });
    expect(edited.body).toMatchObject({ body: 'Mine, edited', version: 2 });
    const owners = (await comment(w.owner, { body: "Owner's" })).body as unknown as Comment;
    const refused = await send(contributor, 'PATCH', `/api/comments/${owners.id}`, {
      body: 'Hijack',
      version: 1,
    });
    expect(refused.status).toBe(403);
    expect((await send(contributor, 'DELETE', `/api/comments/${owners.id}`, { version: 1 })).status).toBe(
      403,
    );
    // The owner manages the project: they may remove anyone's comment.
    expect((await send(w.owner, 'DELETE', `/api/comments/${mine.id}`, { version: 1 })).status).toBe(409);
    expect((await send(w.owner, 'DELETE', `/api/comments/${mine.id}`, { version: 2 })).status).toBe(204);
  });

  it('hides the comments of a task the caller cannot see', async () => {
    const stranger = await signUp(t, 'Stranger');
    expect((await send(stranger, 'GET', `/api/tasks/${task.id}/comments`)).status).toBe(404);
    expect((await comment(stranger, { body: 'Hello' })).status).toBe(404);
    const any = (await comment(w.owner, { body: 'Private' })).body as unknown as Comment;
    expect((await send(stranger, 'PATCH', `/api/comments/${any.id}`, { body: 'x', version: 1 })).status).toBe(
      404,
    );
  });
});
