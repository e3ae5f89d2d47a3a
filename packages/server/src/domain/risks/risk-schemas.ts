import { z } from '@hono/zod-openapi';
import { dateSchema, idSchema, longTextSchema, nameSchema, versionSchema } from '../shared/api-schemas';

/** Probability and impact in a body: whole numbers; the project's scale bounds them in the service. */
const level = z.number().int().min(-1_000_000).max(1_000_000);
const shortText = z.string().trim().max(200);

export const riskResponses = ['avoid', 'mitigate', 'transfer', 'accept', 'exploit'] as const;
export const riskStatuses = ['open', 'closed', 'occurred'] as const;

const riskActionSchema = z.object({
  taskId: z.string(),
  name: z.string(),
  status: z.string(),
  percentComplete: z.number(),
});

/** A risk on the wire. */
export const riskSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.string(),
    ownerId: z.string().nullable(),
    probability: z.number().int(),
    impact: z.number().int(),
    score: z.number().int(),
    band: z.enum(['high', 'medium', 'low']),
    residualProbability: z.number().int().nullable(),
    residualImpact: z.number().int().nullable(),
    residualScore: z.number().int(),
    response: z.enum(riskResponses),
    triggers: z.string(),
    reviewDate: z.string().nullable(),
    reviewOverdue: z.boolean(),
    status: z.enum(riskStatuses),
    issueId: z.string().nullable(),
    actions: z.array(riskActionSchema),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Risk');

const riskFieldShape = {
  title: nameSchema,
  description: longTextSchema,
  category: shortText,
  ownerId: idSchema.nullable(),
  probability: level,
  impact: level,
  residualProbability: level.nullable(),
  residualImpact: level.nullable(),
  response: z.enum(riskResponses),
  triggers: longTextSchema,
  reviewDate: dateSchema.nullable(),
  // A risk occurs through its occurrence action, which raises the issue.
  status: z.enum(['open', 'closed']),
};

/** The body that creates a risk. */
export const createRiskBody = z
  .strictObject(riskFieldShape)
  .partial()
  .required({ title: true, probability: true, impact: true });

/** The body that changes a risk. */
export const updateRiskBody = z.strictObject({ ...riskFieldShape, version: versionSchema }).partial();

/** The list filters of the register. */
export const riskQuery = z.object({
  status: z.enum(riskStatuses).optional(),
  category: z.string().max(200).optional(),
  ownerId: idSchema.optional(),
  probability: z.coerce.number().int().min(-1_000_000).max(1_000_000).optional(),
  impact: z.coerce.number().int().min(-1_000_000).max(1_000_000).optional(),
});

const axisSchema = z.strictObject({
  min: z.number().int().min(-1000).max(1000),
  max: z.number().int().min(-1000).max(1000),
  labels: z.array(z.string().trim().max(60)).max(20).default([]),
});

/** A register's probability and impact scales. */
export const riskScaleSchema = z
  .strictObject({ probability: axisSchema, impact: axisSchema })
  .openapi('RiskScale');

/** The body that adds a mitigation action: an existing task, or a new task to create in the plan. */
export const actionBody = z.union([
  z.strictObject({ taskId: idSchema }),
  z.strictObject({
    task: z.strictObject({
      name: nameSchema,
      durationMinutes: z.number().int().min(0).max(10_000_000).optional(),
    }),
  }),
]);

/** The body of "mark as occurred": the version and, optionally, fields of the issue it raises. */
export const occurrenceBody = z.strictObject({
  version: versionSchema.optional(),
  title: nameSchema.optional(),
  description: longTextSchema.optional(),
  severity: z.enum(['low', 'medium', 'high', 'critical']).optional(),
  priority: z.enum(['low', 'medium', 'high', 'urgent']).optional(),
  dueDate: dateSchema.nullable().optional(),
});

const totalsShape = {
  openCount: z.number().int(),
  highCount: z.number().int(),
  totalScore: z.number().int(),
  residualScore: z.number().int(),
  closedCount: z.number().int(),
  occurredCount: z.number().int(),
};

/** The register overview on the wire. */
export const overviewSchema = z
  .object({
    scale: riskScaleSchema,
    heatMap: z.array(
      z.array(
        z.object({
          probability: z.number().int(),
          impact: z.number().int(),
          score: z.number().int(),
          band: z.enum(['high', 'medium', 'low']),
          count: z.number().int(),
        }),
      ),
    ),
    totals: z.object(totalsShape),
    trend: z.array(z.object({ day: z.string(), ...totalsShape })),
    categories: z.array(z.string()),
    overdueReviews: z.number().int(),
  })
  .openapi('RiskRegisterOverview');
