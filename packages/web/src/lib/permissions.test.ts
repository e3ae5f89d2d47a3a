import { describe, expect, it } from 'vitest';
import type { EntityPermissions } from '../api/types';
import { readOnlyReason } from './permissions';

const viewer: EntityPermissions = { workspaceRole: 'guest', role: 'viewer', edit: false, manage: false };

describe('why a page is read-only', () => {
  it('says nothing to someone who may edit', () => {
    expect(readOnlyReason('projects', { ...viewer, role: 'contributor', edit: true })).toBeNull();
  });

  it('names the viewer role and who can change it on a project', () => {
    expect(readOnlyReason('projects', viewer)).toBe(
      'You can see this project but not change it: you are a viewer. Its project manager can make you a contributor.',
    );
  });

  it('names a workspace member with no role on a product, and the product manager', () => {
    expect(readOnlyReason('products', { ...viewer, workspaceRole: 'member', role: null })).toBe(
      'You can see this product but not change it: you are a member of the workspace with no role on it. Its product manager can make you a contributor.',
    );
  });
});
