import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

/** Name of the httpOnly cookie carrying the session secret. */
export const sessionCookie = 'tandem_session';

/** Name of the script-readable cookie the web app echoes in `X-CSRF-Token`. */
export const csrfCookie = 'tandem_csrf';

/** Name of the header a cookie-authenticated write must carry. */
export const csrfHeader = 'X-CSRF-Token';

/** How long a session lives without use; every use within it extends it again. */
export const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;

/** Sets the session and CSRF cookies after a sign-in. */
export function setSessionCookies(c: Context, secret: string, csrfToken: string, secure: boolean): void {
  const maxAge = Math.floor(sessionLifetimeMs / 1000);
  setCookie(c, sessionCookie, secret, { httpOnly: true, sameSite: 'Lax', secure, path: '/', maxAge });
  setCsrfCookie(c, csrfToken, secure);
}

/** Sets the CSRF cookie, readable by the web app's scripts. */
export function setCsrfCookie(c: Context, csrfToken: string, secure: boolean): void {
  const maxAge = Math.floor(sessionLifetimeMs / 1000);
  setCookie(c, csrfCookie, csrfToken, { httpOnly: false, sameSite: 'Lax', secure, path: '/', maxAge });
}

/** Removes both cookies, on sign-out or when the session cookie no longer names a live session. */
export function clearSessionCookies(c: Context, secure: boolean): void {
  deleteCookie(c, sessionCookie, { path: '/', secure });
  deleteCookie(c, csrfCookie, { path: '/', secure });
}
