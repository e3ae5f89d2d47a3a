import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from './logger';

/** Stable error codes of the API contract. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'UNKNOWN_FIELD'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'CSRF_FAILED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'PRECONDITION_REQUIRED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_ERROR'
  | (string & {});

/** The JSON body of every error reply. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; requestId?: string };
  [extra: string]: unknown;
}

/**
 * An error a route or service throws to answer the client; the one error handler turns it into the JSON error body.
 * `extra` adds top-level members beside `error`, e.g. `{ current }` on a version conflict.
 * @example throw new ApiError(404, 'NOT_FOUND', `Project ${id} was not found`);
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The reply body for this error. */
  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    return { ...this.extra, error };
  }
}

/** Builds the error handler: `ApiError` as is, framework errors mapped to codes, anything else a logged 500. */
export function errorHandler(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status);
    if (error instanceof HTTPException) {
      const mapped = fromHttpException(error);
      return c.json(mapped.toBody(), mapped.status);
    }
    const rejectedText = fromRejectedText(error);
    if (rejectedText) return c.json(rejectedText.toBody(), rejectedText.status);
    const requestId = c.get('requestId');
    logger.error({
      msg: 'unhandled error',
      requestId,
      method: c.req.method,
      path: c.req.path,
      error:
        error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error,
    });
    const body: ErrorBody = {
      error: { code: 'INTERNAL_ERROR', message: `Unexpected server error (request ${requestId})`, requestId },
    };
    return c.json(body, 500);
  };
}

function fromHttpException(error: HTTPException): ApiError {
  if (error.status === 400 && /malformed json/i.test(error.message)) {
    return new ApiError(400, 'MALFORMED_JSON', 'The request body is not valid JSON');
  }
  if (error.status === 413) return payloadTooLarge();
  if (error.status === 415) {
    return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json');
  }
  if (error.status === 404) return new ApiError(404, 'NOT_FOUND', error.message || 'Not found');
  const status = error.status as ContentfulStatusCode;
  return new ApiError(
    status,
    status === 400 ? 'VALIDATION_FAILED' : 'ERROR',
    error.message || 'Request failed',
  );
}

// PostgreSQL refuses text it cannot store (a NUL character, bytes invalid in UTF-8) with these codes. Such text can
// arrive in any field, path or query parameter, so it is answered here once rather than in every schema.
const rejectedTextCodes = new Set(['22021', '22P05']);
// A value PostgreSQL cannot convert (bad number or date text, out of range). Inputs are validated before they reach
// SQL; this is the backstop that keeps a value that slipped through a 400 instead of a 500.
const rejectedValueCodes = new Set(['22P02', '22003', '22007', '22008']);

function fromRejectedText(error: Error): ApiError | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && rejectedTextCodes.has(code)) {
      return new ApiError(
        400,
        'VALIDATION_FAILED',
        'The request contains text that cannot be stored (such as a NUL character)',
      );
    }
    if (typeof code === 'string' && rejectedValueCodes.has(code)) {
      return new ApiError(400, 'VALIDATION_FAILED', 'A value in the request is malformed or out of range');
    }
  }
  return undefined;
}

/** The 413 error for a body over the limit. */
export function payloadTooLarge(): ApiError {
  return new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the server accepts');
}
