import { describe, expect, it } from 'vitest';
import { entityRoles } from '../db/schema/entity-members';
import { type WorkspaceRole, workspaceRoles } from '../db/schema/workspaces';
import { entityAllows, mayAssignRole, mayCreateEntity, workspaceAllows } from './permissions';

const allWorkspaceRoles: (WorkspaceRole | null)[] = [...workspaceRoles, null];

describe('entity permissions', () => {
  it('lets owners and admins do everything, with or without an entity role', () => {
    for (const role of ['owner', 'admin'] as const) {
      for (const entityRole of [...entityRoles, null]) {
        for (const action of ['see', 'edit', 'manage'] as const) {
          expect(entityAllows(role, entityRole, action)).toBe(true);
        }
      }
    }
  });

  it('lets members see everything but edit only as contributor or manager, and manage only as manager', () => {
    expect(entityAllows('member', null, 'see')).toBe(true);
    expect(entityAllows('member', null, 'edit')).toBe(false);
    expect(entityAllows('member', 'viewer', 'edit')).toBe(false);
    expect(entityAllows('member', 'contributor', 'edit')).toBe(true);
    expect(entityAllows('member', 'contributor', 'manage')).toBe(false);
    expect(entityAllows('member', 'project_manager', 'manage')).toBe(true);
    expect(entityAllows('member', 'product_manager', 'edit')).toBe(true);
  });

  it('lets guests see only what they hold a role on', () => {
    expect(entityAllows('guest', null, 'see')).toBe(false);
    expect(entityAllows('guest', 'viewer', 'see')).toBe(true);
    expect(entityAllows('guest', 'viewer', 'edit')).toBe(false);
    expect(entityAllows('guest', 'contributor', 'edit')).toBe(true);
  });

  it('allows nothing without a workspace role, whatever entity role is left over', () => {
    for (const entityRole of [...entityRoles, null]) {
      for (const action of ['see', 'edit', 'manage'] as const) {
        expect(entityAllows(null, entityRole, action)).toBe(false);
      }
    }
  });

  it('never lets a caller edit what they cannot see, nor manage what they cannot edit', () => {
    for (const role of allWorkspaceRoles) {
      for (const entityRole of [...entityRoles, null]) {
        if (entityAllows(role, entityRole, 'edit')) expect(entityAllows(role, entityRole, 'see')).toBe(true);
        if (entityAllows(role, entityRole, 'manage'))
          expect(entityAllows(role, entityRole, 'edit')).toBe(true);
      }
    }
  });

  it('lets everyone but guests and strangers create', () => {
    expect(allWorkspaceRoles.filter(mayCreateEntity)).toEqual(['owner', 'admin', 'member']);
  });
});

describe('workspace permissions', () => {
  it('keeps member emails from guests and the audit log to owners and admins', () => {
    expect(workspaceAllows('guest', 'see')).toBe(true);
    expect(workspaceAllows('guest', 'seeMemberEmails')).toBe(false);
    expect(workspaceAllows('member', 'seeMemberEmails')).toBe(true);
    expect(allWorkspaceRoles.filter((role) => workspaceAllows(role, 'seeAudit'))).toEqual(['owner', 'admin']);
    expect(allWorkspaceRoles.filter((role) => workspaceAllows(role, 'delete'))).toEqual(['owner']);
    expect(workspaceAllows(null, 'see')).toBe(false);
  });

  it('lets admins assign every role but owner, to everyone but owners', () => {
    expect(mayAssignRole('admin', 'member', 'admin')).toBe(true);
    expect(mayAssignRole('admin', 'guest', null)).toBe(true);
    expect(mayAssignRole('admin', 'member', 'owner')).toBe(false);
    expect(mayAssignRole('admin', 'owner', 'member')).toBe(false);
    expect(mayAssignRole('admin', 'owner', null)).toBe(false);
    expect(mayAssignRole('owner', 'owner', 'guest')).toBe(true);
    expect(mayAssignRole('member', 'guest', 'member')).toBe(false);
    expect(mayAssignRole(null, 'guest', 'member')).toBe(false);
  });
});
