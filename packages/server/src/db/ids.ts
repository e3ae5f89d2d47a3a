import { randomBytes } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new opaque id: a prefix, then 26 Crockford base32 characters (48-bit time, 80 random bits) so ids sort by creation.
 * @example newId('prj') // 'prj_01JD3Q8W6XK2T9V4M7N5R0S1AB'
 */
export function newId(prefix: string, now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = alphabet[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let random = '';
  for (let i = 0; i < 16; i++) random += alphabet[bytes[i]! % 32];
  return `${prefix}_${time}${random}`;
}
