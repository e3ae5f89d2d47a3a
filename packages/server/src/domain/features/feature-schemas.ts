import { z } from '@hono/zod-openapi';
import { longTextSchema } from '../shared/api-schemas';

/** A feature's status in the pipeline. */
export const featureStatusSchema = z.enum([
  'new',
  'under_consideration',
  'planned',
  'in_progress',
  'released',
  'declined',
]);

const fieldKey = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((key) => ![...key].some((char) => char.charCodeAt(0) < 32), 'must not contain control characters');

/** Custom fields: up to 50 keys, each naming a short text value. */
export const customFieldsSchema = z
  .record(fieldKey, z.string().max(2000))
  .refine((fields) => Object.keys(fields).length <= 50, 'at most 50 custom fields');

/** The most ids one `ids` filter takes: the most one page of a list holds. */
export const maxFilterIds = 200;

const idPattern = /^[A-Za-z0-9_-]{1,100}$/;

/** The `ids` filter of the feature list: ids separated by commas, at most `maxFilterIds`, each letters, digits, `_` or `-`. */
export const featureIdsFilterSchema = z
  .string()
  .max(maxFilterIds * 101)
  .refine((text) => text.split(',').every((id) => idPattern.test(id)), {
    message: 'must be feature ids separated by commas, with no empty entry',
  })
  .refine((text) => text.split(',').length <= maxFilterIds, {
    message: `must name at most ${maxFilterIds} features`,
  })
  .openapi({
    description: `Only these features: ids separated by commas, at most ${maxFilterIds}. Ids of other products' features, or of none, match nothing.`,
    example: 'fea_01JD3Q8W6XK2T9V4M7N5R0S1AB,fea_01JD3Q8W6XK2T9V4M7N5R0S1AC',
  });

/** A feature title. */
export const featureTitleSchema = z.string().trim().min(1).max(300);

/** A rank key: text that sorts features within a product. */
export const rankSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9A-Za-z]+$/, 'letters and digits only');

/** The spec, Markdown. */
export const specSchema = longTextSchema;

/** The demand for a feature, as the API shows it. */
export const demandSchema = z
  .object({
    customers: z.number().int(),
    feedback: z.number().int(),
    revenueCents: z.number().int(),
    score: z.number(),
  })
  .openapi('FeatureDemand');

/** A feature as the API shows it. */
export const featureSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    productId: z.string(),
    title: z.string(),
    spec: z.string(),
    status: featureStatusSchema,
    customFields: z.record(z.string(), z.string()),
    rank: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    demand: demandSchema,
  })
  .openapi('Feature');
