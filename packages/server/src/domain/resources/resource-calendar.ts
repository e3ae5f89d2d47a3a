import { z } from '@hono/zod-openapi';
import { workingMinutesPerDay } from '@tandem/core';
import type { ProjectCalendarSettings } from '../../db/schema/projects';
import { holidaysInput, workingHoursInput } from '../shared/working-time-schemas';

/** A resource's own working time as a client sends it; null makes it follow each project's calendar. */
export const resourceCalendarInput = z
  .strictObject({
    workingDays: z
      .array(z.number().int().min(0).max(6))
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'working days must not repeat'),
    workingHours: workingHoursInput.optional(),
    holidays: holidaysInput.optional(),
  })
  .openapi('ResourceCalendarInput');

/** The calendar input as the API accepts it. */
export type ResourceCalendarInput = z.infer<typeof resourceCalendarInput>;

/** A resource's calendar as the API shows it. */
export const resourceCalendarSchema = z
  .object({
    workingDays: z.array(z.number().int()),
    workingHours: z.array(z.object({ start: z.string(), finish: z.string() })),
    holidays: z.array(z.object({ date: z.string(), name: z.string() })),
    minutesPerDay: z.number().int(),
  })
  .openapi('ResourceCalendar');

/** The stored settings of a calendar input: the unit figures follow from its days and hours. */
export function toStoredCalendar(input: ResourceCalendarInput): ProjectCalendarSettings {
  const minutesPerDay = workingMinutesPerDay(input.workingHours);
  return {
    minutesPerDay,
    minutesPerWeek: minutesPerDay * input.workingDays.length,
    daysPerMonth: 20,
    workingDays: [...input.workingDays].sort(),
    ...(input.workingHours ? { workingHours: input.workingHours } : {}),
    ...(input.holidays ? { holidays: [...input.holidays].sort((a, b) => a.date.localeCompare(b.date)) } : {}),
  };
}

const standardHours = [
  { start: '08:00', finish: '12:00' },
  { start: '13:00', finish: '17:00' },
];

/** The calendar view of stored settings, with the defaults spelled out. */
export function toCalendarView(stored: ProjectCalendarSettings | null) {
  if (stored === null) return null;
  return {
    workingDays: stored.workingDays,
    workingHours: stored.workingHours ?? standardHours,
    holidays: stored.holidays ?? [],
    minutesPerDay: stored.minutesPerDay,
  };
}
