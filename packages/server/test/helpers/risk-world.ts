import { addMember, type Caller, createWorkspace, signUp } from './domain-world';
import type { TestServer } from './server';

/** A risk as the register tests read it. */
export interface Risk {
  id: string;
  projectId: string;
  title: string;
  category: string;
  ownerId: string | null;
  probability: number;
  impact: number;
  score: number;
  band: 'high' | 'medium' | 'low';
  residualProbability: number | null;
  residualImpact: number | null;
  residualScore: number;
  response: string;
  reviewDate: string | null;
  reviewOverdue: boolean;
  status: 'open' | 'closed' | 'occurred';
  issueId: string | null;
  actions: { taskId: string; name: string; status: string; percentComplete: number }[];
  version: number;
}

/** A RAID item as the tests read it. */
export interface RaidItem {
  id: string;
  projectId: string;
  kind: 'issue' | 'assumption' | 'decision';
  title: string;
  severity: string;
  priority: string;
  ownerId: string | null;
  dueDate: string | null;
  overdue: boolean;
  status: string;
  resolution: string;
  riskId: string | null;
  version: number;
}

/** A workspace with an owner, a contributor and a viewer on its projects, and a stranger from another workspace. */
export interface RiskWorld {
  owner: Caller;
  contributor: Caller;
  viewer: Caller;
  stranger: Caller;
  workspaceId: string;
  /** A new project of the workspace with the contributor and viewer in their roles. */
  project(name?: string): Promise<string>;
}

/** Builds the people and workspace of the risk and RAID tests. */
export async function buildRiskWorld(t: TestServer): Promise<RiskWorld> {
  const owner = await signUp(t, 'Risk Owner');
  const contributor = await signUp(t, 'Risk Contributor');
  const viewer = await signUp(t, 'Risk Viewer');
  const stranger = await signUp(t, 'Risk Stranger');
  const workspaceId = await createWorkspace(t, owner);
  await addMember(t, workspaceId, contributor, 'member');
  await addMember(t, workspaceId, viewer, 'guest');
  await createWorkspace(t, stranger, 'Elsewhere');
  const project = async (name = 'Risky') => {
    const created = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name,
      startDate: '2026-03-02',
    });
    await owner.json(
      'PUT',
      `/api/projects/${created.id}/members/${contributor.id}`,
      { role: 'contributor' },
      201,
    );
    await owner.json('PUT', `/api/projects/${created.id}/members/${viewer.id}`, { role: 'viewer' }, 201);
    return created.id;
  };
  return { owner, contributor, viewer, stranger, workspaceId, project };
}

/** The error body of a failed reply. */
export async function errorOf(response: Response): Promise<{ status: number; code: string; field?: string }> {
  const body = (await response.json()) as { error: { code: string; field?: string } };
  return { status: response.status, ...body.error };
}
