import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new random secret for a cookie, link or API token: 32 random bytes, base64url, after an optional prefix that tells
 * a reader (and secret scanners) what it is.
 * @example randomSecret('tdm_') // 'tdm_Xb3…'
 */
export function randomSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** The SHA-256 of a secret, hex: what the database stores instead of the secret itself. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two strings in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
