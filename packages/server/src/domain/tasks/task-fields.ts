import { z } from '@hono/zod-openapi';
import { wallClockSchema } from '../schedule/wall-clock';
import { idSchema, longTextSchema, nameSchema } from '../shared/api-schemas';

// Ten years of round-the-clock minutes: anything longer is a typo, not a plan.
const maxMinutes = 5_256_000;
const minutesSchema = z.number().int().min(0).max(maxMinutes);
const positionSchema = z.number().finite().min(-1e12).max(1e12);
const labelSchema = z.string().trim().min(1).max(50);
const customValueSchema = z.union([z.string().max(2000), z.number().finite(), z.boolean(), z.null()]);

/** Every task field a user edits, each with its own rule; create, update and bulk edit share them. */
export const taskFieldShape = {
  name: nameSchema,
  description: longTextSchema,
  parentId: idSchema.nullable(),
  /** Order among siblings; after the last sibling when absent. */
  position: positionSchema,
  durationMinutes: minutesSchema,
  durationUnit: z.enum(['minutes', 'hours', 'days', 'weeks', 'months']),
  elapsed: z.boolean(),
  scheduling: z.enum(['auto', 'manual']),
  manualStart: wallClockSchema.nullable(),
  manualFinish: wallClockSchema.nullable(),
  isMilestone: z.boolean(),
  constraintType: z.enum(['asap', 'alap', 'snet', 'snlt', 'fnet', 'fnlt', 'mso', 'mfo']),
  constraintDate: wallClockSchema.nullable(),
  deadline: wallClockSchema.nullable(),
  percentComplete: z.number().int().min(0).max(100),
  actualStart: wallClockSchema.nullable(),
  actualFinish: wallClockSchema.nullable(),
  workMinutes: z
    .number()
    .int()
    .min(0)
    .max(100 * maxMinutes)
    .nullable(),
  taskType: z.enum(['fixedUnits', 'fixedWork', 'fixedDuration']),
  effortDriven: z.boolean(),
  active: z.boolean(),
  fixedCostCents: z.number().int().min(0).max(2_000_000_000),
  storyPoints: z.number().finite().min(0).max(10_000).nullable(),
  status: z.string().trim().min(1).max(100),
  priority: z.enum(['lowest', 'low', 'medium', 'high', 'highest']),
  labels: z.array(labelSchema).max(30),
  customFields: z.record(z.string().min(1).max(100), customValueSchema),
  rank: positionSchema,
  sprintId: idSchema.nullable(),
  featureId: idSchema.nullable(),
};

/** The body of a task creation: a name and any other field. */
export const createTaskBody = z.strictObject(taskFieldShape).partial().required({ name: true });

/** The editable fields, all optional: the changes of a PATCH or a bulk edit. */
export const taskChangesBody = z.strictObject(taskFieldShape).partial();

/** Fields a client sets when creating a task. */
export type TaskInput = z.output<typeof createTaskBody>;

/** Fields a client changes; a new `parentId` without `position` puts the task last under its new parent. */
export type TaskChanges = z.output<typeof taskChangesBody>;
