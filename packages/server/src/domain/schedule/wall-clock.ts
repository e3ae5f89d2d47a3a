import { z } from '@hono/zod-openapi';
import { parseInstant } from '@tandem/core';

const wallClockPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::00)?$/;

function isWallClock(text: string): boolean {
  const match = wallClockPattern.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  // Plans live in this range; a year outside it is a typo, and PostgreSQL's timestamp would accept it silently.
  if (year < 1900 || year > 2200 || match[4] === '24') return false;
  try {
    parseInstant(text);
    return true;
  } catch {
    return false;
  }
}

/** A plan date-time `YYYY-MM-DDTHH:MM` with no zone (`:00` seconds are accepted and dropped). */
export const wallClockSchema = z
  .string()
  .refine(isWallClock, 'must be a date-time YYYY-MM-DDTHH:MM with no zone, between 1900 and 2200')
  .transform((text) => text.slice(0, 16))
  .openapi({ type: 'string', example: '2026-03-02T08:00' });

/** A stored `timestamp without time zone` as the API writes it: `YYYY-MM-DDTHH:MM`. */
export function wallClockOf(stored: string | null): string | null {
  if (stored === null) return null;
  return `${stored.slice(0, 10)}T${stored.slice(11, 16)}`;
}
