import { addMember, type Caller, createWorkspace, signUp } from './domain-world';
import type { TestServer } from './server';

/** A workspace with a manager's project and task, a contributor who logs time, and people around them. */
export interface TimeWorld {
  workspaceId: string;
  projectId: string;
  taskId: string;
  /** Workspace owner. */
  owner: Caller;
  /** Member who manages the project. */
  manager: Caller;
  /** Member with the contributor role on the project: logs time. */
  worker: Caller;
  /** Member with no role on the project. */
  member: Caller;
  /** Guest with no role: cannot see the project. */
  guest: Caller;
  /** Someone outside the workspace. */
  outsider: Caller;
  /** A new task in the project. */
  task(name?: string): Promise<string>;
}

/** Builds the world through the API. */
export async function buildTimeWorld(t: TestServer): Promise<TimeWorld> {
  const owner = await signUp(t, 'Time Owner');
  const manager = await signUp(t, 'Time Manager');
  const worker = await signUp(t, 'Time Worker');
  const member = await signUp(t, 'Time Member');
  const guest = await signUp(t, 'Time Guest');
  const outsider = await signUp(t, 'Time Outsider');
  const workspaceId = await createWorkspace(t, owner, 'Hours');
  await addMember(t, workspaceId, manager, 'member');
  await addMember(t, workspaceId, worker, 'member');
  await addMember(t, workspaceId, member, 'member');
  await addMember(t, workspaceId, guest, 'guest');
  const project = await manager.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
    name: 'Build',
    startDate: '2026-03-02',
  });
  await manager.json('PUT', `/api/projects/${project.id}/members/${worker.id}`, { role: 'contributor' }, 201);
  const task = async (name = 'Work') =>
    (
      await manager.json<{ id: string }>('POST', `/api/projects/${project.id}/tasks`, {
        name,
        durationMinutes: 2400,
      })
    ).id;
  return {
    workspaceId,
    projectId: project.id,
    taskId: await task('Foundations'),
    owner,
    manager,
    worker,
    member,
    guest,
    outsider,
    task,
  };
}
