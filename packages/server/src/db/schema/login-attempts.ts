import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One failed sign-in per row, keyed by the lower-cased email and the client address. Kept in PostgreSQL so that every
 * server sharing the database counts the same failures.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index('login_attempts_key_idx').on(table.email, table.ip, table.at),
    // Lets each new failure sweep a few expired rows of any key cheaply.
    index('login_attempts_at_idx').on(table.at),
  ],
);
