import { z } from '@hono/zod-openapi';
import type { users } from '../db/schema/users';

/** A user as the API shows them to themselves. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  version: number;
}

/** OpenAPI schema of `UserView`. */
export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .openapi('User');

/** The view of a user row; never the password hash. */
export function toUserView(row: typeof users.$inferSelect): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}
