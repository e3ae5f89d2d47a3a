/** One error as the API describes it: a stable code, a human message and, for input errors, the offending field. */
export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
}

/** A failed API call; `current` carries the server's copy of the entity on a version conflict. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly current: unknown;

  constructor(status: number, body: ApiErrorBody, current?: unknown) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.current = current;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Options of one request: a JSON body, query parameters and the version for `If-Match`. */
export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  ifMatch?: number;
  signal?: AbortSignal;
}

/** Reads the double-submit CSRF cookie the server sets; every cookie-authenticated write echoes it. */
export function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'tandem_csrf') return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Calls the Tandem API with the session cookie and returns the parsed JSON (undefined for 204).
 * @example const me = await request<Me>('GET', '/api/auth/me');
 */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal) init.signal = options.signal;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, {
      code: 'NETWORK',
      message: 'Tandem could not be reached. Check your connection.',
    });
  }
  if (response.status === 204 || response.status === 202) return undefined as T;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const body = (json as { error?: ApiErrorBody; current?: unknown } | undefined) ?? {};
    const error = body.error ?? {
      code: `HTTP_${response.status}`,
      message: `The server answered ${response.status} ${response.statusText} to ${method} ${path}`,
    };
    throw new ApiError(response.status, error, body.current);
  }
  return json as T;
}

/** True when the error means the caller is not signed in. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** A message fit for a toast or an alert, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
