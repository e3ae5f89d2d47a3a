import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors';

function fieldPath(path: readonly PropertyKey[]): string | undefined {
  return path.length === 0 ? undefined : path.map(String).join('.');
}

/** Maps the first zod issue to the API's 400: an unknown key → UNKNOWN_FIELD, anything else → VALIDATION_FAILED. */
export function validationError(error: z.ZodError, target: string): ApiError {
  const issue = error.issues[0];
  if (!issue) return new ApiError(400, 'VALIDATION_FAILED', `Invalid ${target}`);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = fieldPath([...issue.path, key]) ?? key;
    return new ApiError(400, 'UNKNOWN_FIELD', `Unknown field "${field}" in the request ${target}`, field);
  }
  const field = fieldPath(issue.path);
  const where = field ? `"${field}"` : `the request ${target}`;
  return new ApiError(400, 'VALIDATION_FAILED', `Invalid ${where}: ${issue.message}`, field);
}

/** The `defaultHook` of the app: every failed zod validation becomes one 400 error body. */
export function validationHook(
  result: { success: boolean; error?: z.ZodError; target: string },
  _c: Context,
) {
  if (!result.success && result.error) throw validationError(result.error, targetName(result.target));
  return undefined;
}

function targetName(target: string): string {
  return target === 'json' ? 'body' : target;
}
