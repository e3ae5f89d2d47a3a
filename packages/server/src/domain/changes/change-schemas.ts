import { z } from '@hono/zod-openapi';
import { idSchema, longTextSchema, nameSchema, versionSchema } from '../shared/api-schemas';

/** Working minutes of a duration: whole, from zero to about 100 years of working days. */
const minutesSchema = z.number().int().min(0).max(20_000_000);
const wallClockSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be YYYY-MM-DDTHH:MM');

/** One plan edit of a proposal. */
export const changeEditSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('addTask'),
      name: nameSchema,
      parentId: idSchema.nullable(),
      durationMinutes: minutesSchema,
      predecessorId: idSchema.nullable().optional(),
      successorId: idSchema.nullable().optional(),
    }),
    z.strictObject({ kind: z.literal('removeTask'), taskId: idSchema }),
    z.strictObject({ kind: z.literal('setDuration'), taskId: idSchema, durationMinutes: minutesSchema }),
    z.strictObject({
      kind: z.literal('addLink'),
      predecessorId: idSchema,
      successorId: idSchema,
      type: z.enum(['FS', 'SS', 'FF', 'SF']).default('FS'),
      lagMinutes: z.number().int().min(-20_000_000).max(20_000_000).default(0),
    }),
    z.strictObject({ kind: z.literal('removeLink'), predecessorId: idSchema, successorId: idSchema }),
    z.strictObject({
      kind: z.literal('setConstraint'),
      taskId: idSchema,
      constraintType: z.enum(['asap', 'alap', 'snet', 'snlt', 'fnet', 'fnlt', 'mso', 'mfo']),
      constraintDate: wallClockSchema.nullable().default(null),
    }),
  ])
  .openapi('ChangeEdit');

/** A proposal: the plan edits, in the order they apply. */
export const proposalSchema = z.array(changeEditSchema).max(500);

/** The body that raises a change request. */
export const createChangeBody = z.strictObject({
  title: nameSchema,
  description: longTextSchema.optional(),
  reason: longTextSchema.optional(),
  /** Who asks for the change; the caller when absent. */
  requestedBy: idSchema.optional(),
  proposal: proposalSchema.default([]),
  /** Put it to the approvers at once instead of keeping it as a draft. */
  submit: z.boolean().optional(),
});

/** The body that edits a draft. */
export const updateChangeBody = z.strictObject({
  title: nameSchema.optional(),
  description: longTextSchema.optional(),
  reason: longTextSchema.optional(),
  requestedBy: idSchema.optional(),
  proposal: proposalSchema.optional(),
  version: versionSchema.optional(),
});

/** An approver's decision. */
export const decisionBody = z.strictObject({
  role: z.enum(['project_manager', 'sponsor']),
  decision: z.enum(['approved', 'rejected']),
  comment: longTextSchema.default(''),
  version: versionSchema.optional(),
});

/** How an approved change is applied. */
export const applyBody = z.strictObject({
  /** Also re-set the baseline to the plan as it stands after the change. */
  resetBaseline: z.boolean().default(false),
  baselineName: nameSchema.optional(),
  /** Why the baseline is re-set (kept in the baseline resets log); the change's title when absent. */
  reason: longTextSchema.optional(),
  version: versionSchema.optional(),
});

/** A version-only body of an action (submit, delete). */
export const actionBody = z.strictObject({ version: versionSchema.optional() });
