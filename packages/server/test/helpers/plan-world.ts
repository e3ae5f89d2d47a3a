import { type Caller, createWorkspace, signUp } from './domain-world';
import type { TestServer } from './server';

/** A task as the plan tests read it. */
export interface PlanTask {
  id: string;
  projectId: string;
  parentId: string | null;
  name: string;
  durationMinutes: number;
  position: number;
  status: string;
  completedAt: string | null;
  version: number;
  [field: string]: unknown;
}

/** An owner with a workspace and a way to make fresh projects and tasks in it. */
export interface PlanWorld {
  owner: Caller;
  workspaceId: string;
  newProject(body?: Record<string, unknown>): Promise<string>;
  addTask(projectId: string, body: Record<string, unknown>): Promise<PlanTask>;
}

/** Signs an owner up, gives them a workspace, and returns the verbs the plan tests use. */
export async function planWorld(t: TestServer, name = 'Plan Owner'): Promise<PlanWorld> {
  const owner = await signUp(t, name);
  const workspaceId = await createWorkspace(t, owner);
  return {
    owner,
    workspaceId,
    async newProject(body = {}) {
      const project = await owner.json<{ id: string }>(
        'POST',
        `/api/workspaces/${workspaceId}/projects`,
        { name: 'Plan', startDate: '2026-01-05', ...body },
        201,
      );
      return project.id;
    },
    addTask: (projectId, body) => owner.json<PlanTask>('POST', `/api/projects/${projectId}/tasks`, body, 201),
  };
}

/** Sends a request and returns its status and parsed JSON body. */
export async function send(
  caller: Caller,
  method: string,
  path: string,
  body?: unknown,
): Promise<{
  status: number;
  body: Record<string, unknown> & { error?: { code: string; field?: string; message: string } };
}> {
  const response = await caller.request(method, path, body === undefined ? {} : { body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}
