// Edits the mover makes after rewriting paths, where a path is built in a way no rule can read
// (globs, prose). Each `find` must occur in the rewritten text of `file` (its new path), or the move stops.
export const PATCHES = [
  {
    file: 'test/unit/migrations.spec.ts',
    find: "'--schema', 'db/local/schema*.ts'",
    replace: "'--schema', 'db/local/**/schema.ts'",
  },
  {
    file: 'test/unit/migrations.spec.ts',
    find: 'the committed migrations match db/local/schema*.ts (drizzle-kit',
    replace: 'the committed migrations match the schema files (drizzle-kit',
  },
  {
    file: 'renderer/src/letters/letterTypes.ts',
    find: "mirroring the backend's rules (main/services/letters)",
    replace: "mirroring the backend's rules (main/letters)",
  },
];
