// Writes mapping.txt from the rules below (first match wins): run it again when files were added.
// Fails when a file under the moved roots matches no rule and is not already in a concept folder.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
const files = execSync('git ls-files main shared db/local renderer/src', { encoding: 'utf8' })
  .trim()
  .split('\n')
  .filter((f) => !f.startsWith('db/local/migrations/'));
const rules = [
  // main/api
  ['main/api/context.ts', 'main/platform/call-context.ts'],
  ['main/api/dispatcher.ts', 'main/app/dispatcher.ts'],
  ['main/api/handlers.ts', 'main/app/handlers.ts'],
  ['main/api/desktop-handlers.ts', 'main/settings/desktop-handlers.ts'],
  ['main/api/gate-handlers.ts', 'main/signing/gate-handlers.ts'],
  ['main/api/handover-handlers.ts', 'main/handover/handover-handlers.ts'],
  ['main/api/retention-handlers.ts', 'main/retention/retention-handlers.ts'],
  ['main/api/sync-handlers.ts', 'main/sync/sync-handlers.ts'],
  ['main/backend.ts', 'main/app/backend.ts'],
  ['main/central/', 'main/sync/central/'],
  ['main/cli/', 'main/app/cli/'],
  ['main/electron/', 'main/app/electron/'],
  // Depth 2 like the built out/cli/server.js: serve.ts finds ../../out/renderer from both.
  ['main/server/start.ts', 'main/app/start-web.ts'],
  ['main/server/serve.ts', 'main/app/serve-web.ts'],
  ['main/server/http.ts', 'main/app/http.ts'],
  ['main/clock.ts', 'main/platform/clock.ts'],
  ['main/log.ts', 'main/platform/log.ts'],
  ['main/paths.ts', 'main/platform/paths.ts'],
  // Depth 2 like the built bundles: encrypted-db.ts finds ../../db/local/migrations from both.
  ['main/store/', 'main/platform/'],
  ['main/services/errors.ts', 'main/platform/errors.ts'],
  ['main/services/jobs.ts', 'main/platform/jobs.ts'],
  ['main/services/case-vault.ts', 'main/platform/case-vault.ts'],
  ['main/services/audit.ts', 'main/audit/audit.ts'],
  ['main/services/audit-', 'main/audit/audit-'],
  ['main/services/auth.ts', 'main/staff/auth.ts'],
  ['main/services/sessions.ts', 'main/staff/sessions.ts'],
  ['main/services/staff.ts', 'main/staff/staff.ts'],
  ['main/services/staff-view.ts', 'main/staff/staff-view.ts'],
  ['main/services/auto-lock.ts', 'main/settings/auto-lock.ts'],
  ['main/services/log-level.ts', 'main/settings/log-level.ts'],
  ['main/services/backup.ts', 'main/settings/backup.ts'],
  ['main/services/restore.ts', 'main/settings/restore.ts'],
  ['main/services/case-access.ts', 'main/cases/case-access.ts'],
  ['main/services/case-scoped.ts', 'main/cases/case-scoped.ts'],
  ['main/services/cases.ts', 'main/cases/cases.ts'],
  ['main/services/queue.ts', 'main/cases/queue.ts'],
  ['main/services/change-verification.ts', 'main/signing/change-verification.ts'],
  ['main/services/decision-readiness.ts', 'main/signing/decision-readiness.ts'],
  ['main/services/compound-file.ts', 'main/dossier/compound-file.ts'],
  ['main/services/mail-parse.ts', 'main/dossier/mail-parse.ts'],
  ['main/services/document-intake.ts', 'main/dossier/document-intake.ts'],
  ['main/services/images.ts', 'main/dossier/images.ts'],
  ['main/services/renditions.ts', 'main/dossier/renditions.ts'],
  ['main/services/dossier.ts', 'main/dossier/dossier.ts'],
  ['main/services/datasets/', 'main/dossier/datasets/'],
  ['main/services/identity.ts', 'main/identity/identity.ts'],
  ['main/services/letters/signing.ts', 'main/signing/signing.ts'],
  ['main/services/letters/signing-identity.ts', 'main/signing/signing-identity.ts'],
  ['main/services/letters/pades.ts', 'main/signing/pades.ts'],
  ['main/services/letters/', 'main/letters/'],
  ['main/services/my-work.ts', 'main/work/my-work.ts'],
  ['main/services/notifications.ts', 'main/work/notifications.ts'],
  ['main/services/redaction-service.ts', 'main/redaction/redaction-service.ts'],
  ['main/services/redaction-suggest.ts', 'main/redaction/redaction-suggest.ts'],
  ['main/services/redaction/', 'main/redaction/'],
  ['main/services/reports.ts', 'main/reports/reports.ts'],
  ['main/services/retention/', 'main/retention/'],
  ['main/services/sync/', 'main/sync/'],
  ['main/services/handover/', 'main/handover/'],
  // shared
  ['shared/api/case-schemas.ts', 'shared/cases/case-schemas.ts'],
  ['shared/api/gate-contract.ts', 'shared/signing/gate-contract.ts'],
  ['shared/api/desktop-contract.ts', 'shared/settings/desktop-contract.ts'],
  ['shared/api/dossier-schemas.ts', 'shared/dossier/dossier-schemas.ts'],
  ['shared/api/sources-contract.ts', 'shared/dossier/sources-contract.ts'],
  ['shared/api/handover-contract.ts', 'shared/handover/handover-contract.ts'],
  ['shared/api/identity-schemas.ts', 'shared/identity/identity-schemas.ts'],
  ['shared/api/letter-', 'shared/letters/letter-'],
  ['shared/api/notification-contract.ts', 'shared/work/notification-contract.ts'],
  ['shared/api/work-contract.ts', 'shared/work/work-contract.ts'],
  ['shared/api/redaction-schemas.ts', 'shared/redaction/redaction-schemas.ts'],
  ['shared/api/retention-contract.ts', 'shared/retention/retention-contract.ts'],
  ['shared/api/sync-', 'shared/sync/sync-'],
  ['shared/api/', 'shared/api/'],
  ['shared/domain/cases.ts', 'shared/cases/cases.ts'],
  ['shared/domain/decision-gates.ts', 'shared/signing/decision-gates.ts'],
  ['shared/domain/next-step.ts', 'shared/work/next-step.ts'],
  ['shared/domain/README.md', 'shared/deadlines/README.md'],
  ['shared/domain/request-types.ts', 'shared/cases/request-types.ts'],
  ['shared/domain/search.ts', 'shared/cases/search.ts'],
  ['shared/domain/csv.ts', 'shared/reports/csv.ts'],
  ['shared/domain/reports.ts', 'shared/reports/reports.ts'],
  ['shared/domain/datasets.ts', 'shared/dossier/datasets.ts'],
  ['shared/domain/dossier.ts', 'shared/dossier/dossier.ts'],
  ['shared/domain/dates.ts', 'shared/deadlines/dates.ts'],
  ['shared/domain/deadlines.ts', 'shared/deadlines/deadlines.ts'],
  ['shared/domain/holidays.ts', 'shared/deadlines/holidays.ts'],
  ['shared/domain/terms.ts', 'shared/deadlines/terms.ts'],
  ['shared/domain/detectors.ts', 'shared/redaction/detectors.ts'],
  ['shared/domain/person-variants.ts', 'shared/redaction/person-variants.ts'],
  ['shared/domain/identity', 'shared/identity/identity'],
  ['shared/domain/letters/', 'shared/letters/'],
  ['shared/domain/retention.ts', 'shared/retention/retention.ts'],
  ['shared/password.ts', 'shared/staff/password.ts'],
  ['shared/permissions.ts', 'shared/staff/permissions.ts'],
  ['shared/roles.ts', 'shared/staff/roles.ts'],
  // db/local
  ['db/local/database.ts', 'db/local/database.ts'],
  ['db/local/drizzle.config.ts', 'db/local/drizzle.config.ts'],
  ['db/local/schema.ts', 'db/local/schema.ts'],
  ['db/local/schema-handover.ts', 'db/local/handover/schema.ts'],
  ['db/local/schema-letters.ts', 'db/local/letters/schema.ts'],
  ['db/local/schema-retention.ts', 'db/local/retention/schema.ts'],
  ['db/local/schema-sources.ts', 'db/local/dossier/schema.ts'],
  ['db/local/repositories/audit.ts', 'db/local/audit/repository.ts'],
  ['db/local/repositories/case-files.ts', 'db/local/cases/case-files.ts'],
  ['db/local/repositories/cases.ts', 'db/local/cases/repository.ts'],
  ['db/local/repositories/handover.ts', 'db/local/handover/repository.ts'],
  ['db/local/repositories/letters.ts', 'db/local/letters/repository.ts'],
  ['db/local/repositories/outbox.ts', 'db/local/sync/outbox.ts'],
  ['db/local/repositories/retention.ts', 'db/local/retention/repository.ts'],
  ['db/local/repositories/staff.ts', 'db/local/staff/repository.ts'],
  // renderer
  ['renderer/src/api/', 'renderer/src/api/'],
  ['renderer/src/app/session.tsx', 'renderer/src/api/session.tsx'],
  ['renderer/src/app/', 'renderer/src/app/'],
  ['renderer/src/main.tsx', 'renderer/src/main.tsx'],
  ['renderer/src/env.d.ts', 'renderer/src/env.d.ts'],
  ['renderer/src/vite-assets.d.ts', 'renderer/src/vite-assets.d.ts'],
  ['renderer/src/global.css', 'renderer/src/global.css'],
  ['renderer/src/components/', 'renderer/src/ui/'],
  ['renderer/src/pdf/', 'renderer/src/ui/pdf/'],
  ['renderer/src/i18n/gates.nl.ts', 'renderer/src/signing/gates.nl.ts'],
  ['renderer/src/i18n/handover.nl.ts', 'renderer/src/handover/handover.nl.ts'],
  ['renderer/src/i18n/letters.nl.ts', 'renderer/src/letters/letters.nl.ts'],
  ['renderer/src/i18n/retention.nl.ts', 'renderer/src/retention/retention.nl.ts'],
  ['renderer/src/i18n/sources.nl.ts', 'renderer/src/dossier/sources.nl.ts'],
  ['renderer/src/i18n/work.nl.ts', 'renderer/src/work/work.nl.ts'],
  ['renderer/src/i18n/format.ts', 'renderer/src/ui/format.ts'],
  ['renderer/src/i18n/language.ts', 'renderer/src/ui/language.ts'],
  ['renderer/src/i18n/', 'renderer/src/app/i18n/'],
  ['renderer/src/screens/account/', 'renderer/src/staff/account/'],
  ['renderer/src/screens/audit/', 'renderer/src/audit/'],
  ['renderer/src/screens/case/HandoverCard.tsx', 'renderer/src/handover/HandoverCard.tsx'],
  ['renderer/src/screens/case/RetentionCard.tsx', 'renderer/src/retention/RetentionCard.tsx'],
  ['renderer/src/screens/case/dossier/', 'renderer/src/dossier/'],
  ['renderer/src/screens/case/thirdParties/', 'renderer/src/dossier/thirdParties/'],
  ['renderer/src/screens/case/gates/', 'renderer/src/signing/gates/'],
  ['renderer/src/screens/case/NextStepCard.tsx', 'renderer/src/work/NextStepCard.tsx'],
  ['renderer/src/screens/case/identity/', 'renderer/src/identity/'],
  ['renderer/src/screens/case/letters/files.ts', 'renderer/src/ui/downloads.ts'],
  ['renderer/src/screens/case/letters/', 'renderer/src/letters/'],
  ['renderer/src/screens/case/redaction/', 'renderer/src/redaction/'],
  ['renderer/src/screens/case/', 'renderer/src/cases/'],
  ['renderer/src/screens/intake/', 'renderer/src/cases/'],
  ['renderer/src/screens/queue/HandoverImport.tsx', 'renderer/src/handover/HandoverImport.tsx'],
  ['renderer/src/screens/queue/', 'renderer/src/cases/queue/'],
  ['renderer/src/screens/lock/', 'renderer/src/app/'],
  ['renderer/src/screens/login/', 'renderer/src/app/'],
  ['renderer/src/screens/setup/', 'renderer/src/app/setup/'],
  ['renderer/src/screens/reports/', 'renderer/src/reports/'],
  ['renderer/src/screens/retention/', 'renderer/src/retention/'],
  ['renderer/src/screens/settings/', 'renderer/src/settings/'],
  ['renderer/src/screens/signing/', 'renderer/src/signing/'],
  ['renderer/src/screens/staff/', 'renderer/src/staff/'],
  ['renderer/src/screens/start/', 'renderer/src/work/'],
  ['renderer/src/screens/work/', 'renderer/src/work/'],
  ['renderer/src/shell/NotificationBell.tsx', 'renderer/src/work/NotificationBell.tsx'],
  ['renderer/src/shell/SyncIndicator.tsx', 'renderer/src/sync/SyncIndicator.tsx'],
  ['renderer/src/shell/syncStatus.tsx', 'renderer/src/sync/syncStatus.tsx'],
  ['renderer/src/shell/screens.ts', 'renderer/src/ui/screens.ts'],
  ['renderer/src/shell/', 'renderer/src/app/'],
];
const out = [];
const unmapped = [];
for (const f of files) {
  const rule = rules.find(
    ([from]) =>
      f === from ||
      ((from.endsWith('/') || (!from.endsWith('.ts') && !from.endsWith('.tsx') && !from.endsWith('.css'))) &&
        f.startsWith(from)),
  );
  if (!rule) {
    // New files already placed in the target layout stay where they are.
    const layered =
      /^(main\/(platform|app|CONCEPT)|shared\/(api|CONCEPT)|db\/local\/(CONCEPT)|renderer\/src\/(app|ui|api|CONCEPT))\//u;
    const concepts =
      'cases|deadlines|identity|dossier|redaction|letters|signing|sync|handover|retention|reports|audit|staff|settings|work';
    if (new RegExp(layered.source.replaceAll('CONCEPT', concepts), 'u').test(f)) {
      out.push(`${f} ${f}`);
      continue;
    }
    unmapped.push(f);
    continue;
  }
  out.push(`${f} ${rule[1] + f.slice(rule[0].length)}`);
}
const targets = out.map((l) => l.split(' ')[1]);
const dup = targets.filter((t, i) => targets.indexOf(t) !== i);
if (unmapped.length > 0 || dup.length > 0) {
  console.error('unmapped:', unmapped, 'moved onto one path:', dup);
  process.exit(1);
}
const header = [
  '# Old path → new path for every file under main/, shared/, db/local/ (not migrations) and renderer/src/.',
  '# Written by generate-mapping.mjs, read by move.mjs; a file under those roots that is not listed here stops the move.',
];
writeFileSync(new URL('./mapping.txt', import.meta.url), [...header, ...out, ''].join('\n'));
