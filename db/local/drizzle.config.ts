import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./db/local/schema.ts', './db/local/schema-letters.ts', './db/local/schema-retention.ts', './db/local/schema-handover.ts', './db/local/schema-sources.ts'],
  out: './db/local/migrations',
});
