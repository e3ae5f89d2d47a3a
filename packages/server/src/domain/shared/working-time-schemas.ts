import { z } from '@hono/zod-openapi';
import { dayPatternOf } from '@tandem/core';
import { dateSchema, nameSchema } from './api-schemas';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day HH:MM');

function hoursAreOrdered(hours: { start: string; finish: string }[] | undefined): boolean {
  try {
    dayPatternOf(hours);
    return true;
  } catch {
    return false;
  }
}

/** The working hours of a working day as a client sends them: increasing `HH:MM` start–finish pairs. */
export const workingHoursInput = z
  .array(z.strictObject({ start: timeOfDay, finish: timeOfDay }))
  .min(1)
  .max(12)
  .refine(hoursAreOrdered, 'working hours must be increasing, non-overlapping start–finish pairs');

/** Non-working days (holidays) as a client sends them. */
export const holidaysInput = z.array(z.strictObject({ date: dateSchema, name: nameSchema })).max(1000);
