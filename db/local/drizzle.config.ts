import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: [
    './db/local/schema.ts',
    './db/local/letters/schema.ts',
    './db/local/sync/schema.ts',
    './db/local/retention/schema.ts',
    './db/local/handover/schema.ts',
    './db/local/dossier/schema.ts',
  ],
  out: './db/local/migrations',
});
