/** Issue 14: the central server's PostgreSQL schema (`npx drizzle-kit generate --config drizzle.server.config.ts --name <x>`). */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/migrations',
});
