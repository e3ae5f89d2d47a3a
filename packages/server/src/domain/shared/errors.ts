import { ApiError } from '../../http/errors';

/** The 404 for a thing that does not exist or that the caller may not see (the two are indistinguishable on purpose). */
export function notFound(kind: string, id: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `${kind} ${id} was not found`);
}

/** A 400 naming the offending field. */
export function invalid(field: string, message: string): ApiError {
  return new ApiError(400, 'VALIDATION_FAILED', message, field);
}
