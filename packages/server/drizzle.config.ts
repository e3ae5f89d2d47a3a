import { defineConfig } from 'drizzle-kit';

// Generate with: flock /tmp/migrate.lock npx drizzle-kit generate --config packages/server/drizzle.config.ts
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/server/src/db/schema/index.ts',
  out: './packages/server/drizzle',
});
