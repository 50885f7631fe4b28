import { defineConfig } from 'drizzle-kit';

/** The central PostgreSQL schema. Roles and row-level security are custom SQL migrations in the same folder. */
export default defineConfig({ dialect: 'postgresql', schema: ['./db/central/schema.ts'], out: './db/central/migrations' });
