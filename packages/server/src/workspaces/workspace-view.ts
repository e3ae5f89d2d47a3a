import { z } from '@hono/zod-openapi';
import type { WorkspaceRole, workspaces } from '../db/schema/workspaces';

/** A workspace as the API shows it, with the caller's role in it. */
export interface WorkspaceView {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  role: WorkspaceRole;
}

/** OpenAPI schema of `WorkspaceView`. */
export const workspaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    role: z.enum(['owner', 'admin', 'member', 'guest']),
  })
  .openapi('Workspace');

/** The view of a workspace row for a caller holding `role`. */
export function toWorkspaceView(row: typeof workspaces.$inferSelect, role: WorkspaceRole): WorkspaceView {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    role,
  };
}

/** What the audit log keeps of a workspace (the caller's role is not part of it). */
export function auditedWorkspace(row: typeof workspaces.$inferSelect) {
  return { id: row.id, name: row.name, slug: row.slug, version: row.version };
}
