import type { Context } from 'hono';
import { ApiError } from './errors';

/**
 * The version a write expects, from `If-Match: "<version>"` or else the body's `version`; neither gives 428.
 * @example const expected = expectedVersion(c, body.version); await service.update(id, expected, changes);
 */
export function expectedVersion(c: Context, bodyVersion: number | undefined): number {
  const header = c.req.header('If-Match');
  if (header !== undefined) {
    const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
    if (!match) {
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        `If-Match must be a quoted version number, got ${header}`,
        'If-Match',
      );
    }
    const version = Number(match[1]);
    if (bodyVersion !== undefined && bodyVersion !== version) {
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        `If-Match (${version}) and the body's version (${bodyVersion}) disagree`,
        'version',
      );
    }
    return version;
  }
  if (bodyVersion !== undefined) return bodyVersion;
  throw new ApiError(
    428,
    'PRECONDITION_REQUIRED',
    'This write needs the version it is based on: send If-Match: "<version>" or "version" in the body',
  );
}

/** The 409 reply for a stale write, carrying the entity as it is now. */
export function versionConflict(
  entityName: string,
  current: { version: number },
  expected: number,
): ApiError {
  return new ApiError(
    409,
    'VERSION_CONFLICT',
    `${entityName} is at version ${current.version}, not ${expected}; reload it and apply the change again`,
    undefined,
    { current },
  );
}

/** Throws `versionConflict` unless `current` is at the expected version. */
export function assertVersion(entityName: string, current: { version: number }, expected: number): void {
  if (current.version !== expected) throw versionConflict(entityName, current, expected);
}

/** Sets the `ETag` reply header a client sends back in `If-Match`. */
export function setVersionTag(c: Context, version: number): void {
  c.header('ETag', `"${version}"`);
}

/**
 * Replies an entity just read or written with its version as the `ETag` a client sends back in `If-Match`.
 * @example return versionedReply(c, await service.update(id, expected, changes), 200);
 */
export function versionedReply<V extends { version: number }, S extends 200 | 201>(
  c: Context,
  view: V,
  status: S,
) {
  setVersionTag(c, view.version);
  return c.json(view, status);
}

/**
 * A PATCH body split into the version it expects (`If-Match` or else its `version`) and the changes it makes.
 * @example const { expected, changes } = versionedChanges(c, c.req.valid('json'));
 */
export function versionedChanges<B extends { version?: number | undefined }>(
  c: Context,
  body: B,
): { expected: number; changes: Omit<B, 'version'> } {
  const { version, ...changes } = body;
  return { expected: expectedVersion(c, version), changes };
}

/** The version a write whose body may be absent (DELETE, actions) expects: `If-Match` or else the body's `version`. */
export function optionalBodyVersion(c: Context, body: { version?: number | undefined } | undefined): number {
  return expectedVersion(c, body?.version);
}
