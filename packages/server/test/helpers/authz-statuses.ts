import { type Role, roles } from './authz-world';

/** The same status for every role. */
export const same = (status: number): Record<Role, number> =>
  Object.fromEntries(roles.map((role) => [role, status])) as Record<Role, number>;

/** Any signed-in caller gets `ok`; no session is a 401. */
export const signedIn = (ok: number) => ({ ...same(ok), anonymous: 401 });

/** Every workspace member gets `ok`; someone outside the workspace a 404, no session a 401. */
export const inWorkspace = (ok: number) => ({ ...same(ok), outsider: 404, anonymous: 401 });

/** Only the workspace's owners and admins get `ok`; other members a 403. */
export const adminsOnly = (ok: number) => ({ ...inWorkspace(403), owner: ok, admin: ok });

/** Members see every entity; guests only those they hold a role on (the viewer holds one on each). */
export const seeEntity = { ...inWorkspace(200), guest: 404 };

/** Contributors edit content; members and viewers who can see the entity get a 403. */
export const editEntity = (ok: number) => ({
  ...seeEntity,
  owner: ok,
  admin: ok,
  contributor: ok,
  manager: ok,
  member: 403,
  viewer: 403,
});

/** Only managers (and owners, admins) delete the entity, change who holds a role on it, or decide for it. */
export const manageEntity = (ok: number) => ({ ...editEntity(ok), contributor: 403 });

/** Creating an entity in the workspace: every member but guests and viewers. */
export const createEntity = { ...inWorkspace(201), guest: 403, viewer: 403 };
