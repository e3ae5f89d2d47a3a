import { z } from '@hono/zod-openapi';
import { dateSchema, idSchema, longTextSchema, versionSchema } from '../shared/api-schemas';

/** A time entry as the API shows it. */
export const timeEntrySchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    projectId: z.string(),
    projectName: z.string(),
    taskId: z.string(),
    taskName: z.string(),
    userId: z.string(),
    userName: z.string(),
    day: z.string(),
    minutes: z.number().int(),
    note: z.string(),
    timerStartedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('TimeEntry');

/** A running timer, or none. */
export const timerSchema = z
  .object({ entry: timeEntrySchema.nullable(), elapsedMinutes: z.number().int() })
  .openapi('Timer');

/** A person's week and its entries. */
export const timesheetSchema = z
  .object({
    id: z.string().nullable(),
    workspaceId: z.string(),
    userId: z.string(),
    userName: z.string(),
    weekStart: z.string(),
    state: z.enum(['open', 'submitted', 'approved', 'rejected']),
    submittedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    comment: z.string(),
    totalMinutes: z.number().int(),
    entries: z.array(timeEntrySchema),
    version: z.number().int(),
  })
  .openapi('Timesheet');

// One day holds at most 24 hours of anyone's time.
const minutesSchema = z.number().int().min(0).max(1440);
const noteSchema = longTextSchema.max(2000);

/** The body that logs time. */
export const createEntryBody = z.strictObject({
  taskId: idSchema,
  day: dateSchema,
  minutes: minutesSchema,
  note: noteSchema.optional(),
});

/** The body that changes an entry. */
export const updateEntryBody = z.strictObject({
  day: dateSchema.optional(),
  minutes: minutesSchema.optional(),
  note: noteSchema.optional(),
  version: versionSchema.optional(),
});

/** The query of the entry list. */
export const entryQuery = z.object({
  from: dateSchema,
  to: dateSchema,
  userId: idSchema.optional(),
  projectId: idSchema.optional(),
  taskId: idSchema.optional(),
});

/** The body that starts a timer: the task, and the caller's today. */
export const startTimerBody = z.strictObject({ taskId: idSchema, day: dateSchema.optional() });

/** The body that sends a week back: why, for its owner. */
export const rejectBody = z.strictObject({ comment: z.string().trim().min(1).max(2000) });

/** The body of an approval: an optional note. */
export const approveBody = z.strictObject({ comment: z.string().trim().max(2000).optional() });
