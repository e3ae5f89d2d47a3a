import { z } from '@hono/zod-openapi';
import { dateSchema, idSchema, longTextSchema, nameSchema, versionSchema } from '../shared/api-schemas';

export const raidKinds = ['issue', 'assumption', 'decision'] as const;
export const raidSeverities = ['low', 'medium', 'high', 'critical'] as const;
export const raidPriorities = ['low', 'medium', 'high', 'urgent'] as const;
export const raidStatuses = ['open', 'in_progress', 'resolved', 'closed'] as const;
export const raidLinkTypes = ['task', 'risk', 'raid', 'change_request'] as const;

/** A RAID item on the wire. */
export const raidItemSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    kind: z.enum(raidKinds),
    title: z.string(),
    description: z.string(),
    severity: z.enum(raidSeverities),
    priority: z.enum(raidPriorities),
    ownerId: z.string().nullable(),
    dueDate: z.string().nullable(),
    overdue: z.boolean(),
    status: z.enum(raidStatuses),
    resolution: z.string(),
    riskId: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('RaidItem');

const raidFieldShape = {
  kind: z.enum(raidKinds),
  title: nameSchema,
  description: longTextSchema,
  severity: z.enum(raidSeverities),
  priority: z.enum(raidPriorities),
  ownerId: idSchema.nullable(),
  dueDate: dateSchema.nullable(),
  status: z.enum(raidStatuses),
  resolution: longTextSchema,
};

/** The body that creates a RAID item. */
export const createRaidBody = z.strictObject(raidFieldShape).partial().required({ kind: true, title: true });

/** The body that changes a RAID item. */
export const updateRaidBody = z.strictObject({ ...raidFieldShape, version: versionSchema }).partial();

/** The list filters of the RAID log. */
export const raidQuery = z.object({
  kind: z.enum(raidKinds).optional(),
  status: z.enum(raidStatuses).optional(),
  severity: z.enum(raidSeverities).optional(),
  ownerId: idSchema.optional(),
});

/** A link of a RAID item on the wire. */
export const raidLinkSchema = z
  .object({
    id: z.string(),
    direction: z.enum(['outgoing', 'incoming']),
    type: z.enum(raidLinkTypes),
    targetId: z.string(),
    title: z.string(),
    status: z.string(),
    percentComplete: z.number().nullable(),
    createdAt: z.string(),
  })
  .openapi('RaidLink');

/** The body that links a RAID item to something of its project. */
export const raidLinkBody = z.strictObject({ toType: z.enum(raidLinkTypes), toId: idSchema });
