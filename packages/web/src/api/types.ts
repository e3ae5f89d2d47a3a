/** Shapes of the API's replies, as the web app reads them (see the OpenAPI document at `/api/openapi.json`). */

export type WorkspaceRole = 'owner' | 'admin' | 'member' | 'guest';
export type EntityRole = 'product_manager' | 'project_manager' | 'contributor' | 'viewer';
export type EntityKind = 'products' | 'programs' | 'projects';

export interface User {
  id: string;
  email: string;
  name: string;
  createdAt?: string;
  version: number;
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  slug?: string;
  role: WorkspaceRole;
}

export interface Me {
  user: User;
  workspaces: WorkspaceSummary[];
}

export interface Workspace {
  id: string;
  name: string;
  slug?: string;
  version: number;
  createdAt?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface WorkspaceMember {
  user: Pick<User, 'id' | 'name' | 'email'>;
  role: WorkspaceRole;
  version: number;
}

export interface Invitation {
  id: string;
  email: string;
  role: WorkspaceRole;
  expiresAt: string;
}

export interface InvitationPreview {
  workspaceName: string;
  email: string;
  role: WorkspaceRole;
}

/** A product, program or project: the fields the lists and detail pages share. */
export interface Entity {
  id: string;
  workspaceId?: string;
  name: string;
  description?: string | null;
  vision?: string | null;
  objective?: string | null;
  startDate?: string | null;
  programId?: string | null;
  productId?: string | null;
  status?: string | null;
  version: number;
  createdAt?: string;
  updatedAt?: string;
}

/** What the caller may do with a product, program or project (`GET /api/{kind}/{id}/permissions`). */
export interface EntityPermissions {
  workspaceRole: WorkspaceRole;
  role: EntityRole | 'program_manager' | null;
  edit: boolean;
  manage: boolean;
  /** Projects only: the approver roles the caller decides change requests and deliverables as. */
  decideAs?: ('project_manager' | 'sponsor')[];
}

/** What the caller may do in a workspace beyond reading it (`GET /api/workspaces/{id}/permissions`). */
export interface WorkspacePermissions {
  role: WorkspaceRole;
  create: boolean;
  manageMembers: boolean;
  rename: boolean;
  delete: boolean;
  seeAudit: boolean;
  customers: boolean;
  manageResources: boolean;
  approveTimesheets: boolean;
  /** For each role a member holds, the roles the caller may give them; empty when the caller may not change it. */
  assignableRoles: Record<WorkspaceRole, WorkspaceRole[]>;
  /** The roles whose holders the caller may remove from the workspace. */
  removableRoles: WorkspaceRole[];
  /** The roles the caller may invite someone with. */
  invitableRoles: WorkspaceRole[];
}

export interface EntityMember {
  user: Pick<User, 'id' | 'name' | 'email'>;
  role: EntityRole;
  version?: number;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt?: string | null;
}

export interface HistoryEntry {
  id: string;
  at: string;
  entityType?: string;
  entityId?: string;
  actor: { id: string; name: string } | null;
  action: string;
  before: unknown;
  after: unknown;
}

/** One message of the live-events stream. */
export interface ChangeEvent {
  entityType: string;
  entityId: string;
  action: string;
  workspaceId: string;
  projectId?: string;
  productId?: string;
  version?: number;
}
