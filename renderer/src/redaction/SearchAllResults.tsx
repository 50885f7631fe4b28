import { Button, TableCell, TableRow } from '@fluentui/react-components';
import { EyeOffRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import { Card } from '../ui/Card.js';
import { DataTable } from '../ui/DataTable.js';
import { useTableStyles } from '../ui/tableStyles.js';

export type SearchAllResult = ProcedureOutput<'redaction.searchAll'>;

/** "Zoek in alle documenten": per document how often the terms occur, whether they are redacted, and a way to redact it. */
export function SearchAllResults({
  terms,
  results,
  running,
  onOpen,
}: {
  terms: readonly string[];
  results: SearchAllResult;
  /** A redaction is being applied: no other document can be opened meanwhile. */
  running: boolean;
  onOpen: (documentId: string) => void;
}) {
  const { t } = useTranslation();
  const table = useTableStyles();
  const headingId = useId();
  return (
    <Card headingId={headingId} title={t('redaction.searchAll.title', { terms: terms.join(', ') })}>
      <DataTable
        label={t('redaction.searchAll.tableLabel')}
        columns={[t('redaction.searchAll.document'), t('redaction.searchAll.occurrences'), t('redaction.searchAll.redacted'), t('redaction.searchAll.actions')]}
      >
        {results.map((r) => (
          <TableRow key={r.documentId}>
            <TableCell>{r.name}</TableCell>
            <TableCell>{r.occurrences}</TableCell>
            <TableCell>
              {r.occurrences === 0 && !r.redacted
                ? t('redaction.searchAll.notNeeded')
                : r.covered
                  ? t('common.yes')
                  : r.redacted && r.readable.length > 0
                    ? t('redaction.searchAll.readable', { texts: r.readable.map((x) => `“${x}”`).join(', ') })
                    : t('common.no')}
            </TableCell>
            <TableCell>
              {r.occurrences > 0 ? (
                <Button
                  size="small"
                  icon={<EyeOffRegular />}
                  aria-label={t('redaction.searchAll.openFor', { name: r.name })}
                  disabledFocusable={running}
                  onClick={() => onOpen(r.documentId)}
                >
                  {t('redaction.searchAll.open')}
                </Button>
              ) : (
                <span className={table.muted}>{t('redaction.searchAll.none')}</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </Card>
  );
}
