import { Badge, Button, Field, Select, Spinner, TableCell, TableRow, Text } from '@fluentui/react-components';
import { CheckmarkRegular, DismissRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.js';
import { Card } from '../ui/Card.js';
import { DataTable } from '../ui/DataTable.js';
import { readAsBase64 } from '../ui/files.js';
import { LoadedContent } from '../ui/LoadedContent.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { useLoaded } from '../ui/useLoaded.js';
import { useSubmission } from '../ui/useSubmission.js';
import { useTableStyles } from '../ui/tableStyles.js';
import { formatDate } from '../ui/format.js';
import { useSettingsStyles } from '../settings/settingsStyles.js';

/** What the handler can record per system: found something there, or searched and found nothing. */
const OUTCOMES = [
  { found: true, icon: <CheckmarkRegular />, label: 'sources.markFound', labelFor: 'sources.markFoundFor' },
  { found: false, icon: <DismissRegular />, label: 'sources.markNotFound', labelFor: 'sources.markNotFoundFor' },
] as const;

/**
 * Dossier → "Gezocht in" and "Gegevens uit systemen": per system of the processing register
 * whether the handler looked there, found something, who and when; and the structured exports
 * taken from those systems, which go into the access package (redacted where they name others).
 */
export function SourcesCard({ caseId, canWork }: { caseId: string; canWork: boolean }) {
  const api = useApi();
  const { t } = useTranslation();
  const table = useTableStyles();
  const styles = useSettingsStyles();
  const checklist = useLoaded(useCallback(() => api.call('sources.checklist', { caseId }), [api, caseId]));
  const sets = useLoaded(useCallback(() => api.call('dataset.list', { caseId }), [api, caseId]));
  const record = useSubmission();
  const upload = useSubmission();
  const [system, setSystem] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const checklistId = useId();
  const setsId = useId();

  async function mark(activityId: string, found: boolean) {
    const result = await record.submit(() => api.call('sources.record', { caseId, activityId, found, note: '' }));
    if (result.ok) void checklist.reload();
  }

  async function importFile(file: File) {
    setNotice(null);
    const dataBase64 = await readAsBase64(file);
    const result = await upload.submit(() => api.call('dataset.import', { caseId, activityId: system, fileName: file.name, dataBase64 }));
    if (result.ok) {
      setNotice({ intent: 'success', text: t('sources.imported', { name: result.value.name, rows: result.value.rows }) });
      void sets.reload();
    }
  }

  return (
    <>
      <Card headingId={checklistId} title={t('sources.checklistTitle')} intro={t('sources.checklistIntro')}>
        {record.error ? <ErrorBar error={record.error} /> : null}
        <LoadedContent loaded={checklist} loading={t('sources.loading')}>
          {(systems) => (
            <DataTable
              label={t('sources.checklistTitle')}
              columns={[t('sources.system'), t('sources.result'), t('sources.searchedBy'), ...(canWork ? [t('sources.actions')] : [])]}
            >
              {systems.map((s) => (
                <TableRow key={s.activityId}>
                  <TableCell>{s.system}</TableCell>
                  <TableCell>
                    {s.searched === null ? (
                      <span className={table.muted}>{t('sources.notSearched')}</span>
                    ) : (
                      <Badge appearance="tint" shape="rounded" color={s.searched.found ? 'success' : 'informative'}>
                        {s.searched.found ? t('sources.found') : t('sources.notFound')}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>{s.searched ? t('sources.byOn', { name: s.searched.byName, date: formatDate(s.searched.at) }) : t('common.none')}</TableCell>
                  {canWork ? (
                    <TableCell>
                      <span className={styles.actions}>
                        {OUTCOMES.map(({ found, icon, label, labelFor }) => (
                          <Button
                            key={label}
                            size="small"
                            icon={icon}
                            aria-label={t(labelFor, { system: s.system })}
                            disabledFocusable={record.busy}
                            onClick={() => void mark(s.activityId, found)}
                          >
                            {t(label)}
                          </Button>
                        ))}
                      </span>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </DataTable>
          )}
        </LoadedContent>
      </Card>
      <Card headingId={setsId} title={t('sources.setsTitle')} intro={t('sources.setsIntro')}>
        {sets.error ? <ErrorBar error={sets.error} /> : null}
        <NoticeBar notice={notice} />
        {upload.error ? <ErrorBar error={upload.error} /> : null}
        {canWork && checklist.value ? (
          <div className={styles.actions}>
            <Field label={t('sources.fromSystem')}>
              <Select value={system} onChange={(_, d) => setSystem(d.value)}>
                <option value="">{t('sources.chooseSystem')}</option>
                {checklist.value.map((s) => (
                  <option key={s.activityId} value={s.activityId}>
                    {s.system}
                  </option>
                ))}
              </Select>
            </Field>
            <input
              ref={input}
              type="file"
              hidden
              accept=".csv,.json,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importFile(file);
              }}
            />
            <Button icon={<FolderOpenRegular />} disabledFocusable={system === '' || upload.busy} onClick={() => input.current?.click()}>
              {t('sources.importFile')}
            </Button>
            {upload.busy ? <Spinner size="tiny" /> : null}
          </div>
        ) : null}
        {sets.value && sets.value.length === 0 ? <Text className={table.muted}>{t('sources.noSets')}</Text> : null}
        {sets.value && sets.value.length > 0 ? (
          <DataTable label={t('sources.setsTitle')} columns={[t('sources.file'), t('sources.system'), t('sources.size'), t('sources.importedOn')]}>
            {sets.value.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{d.name}</TableCell>
                <TableCell>{d.system}</TableCell>
                <TableCell>{t('sources.rowsColumns', { rows: d.rows, columns: d.columns })}</TableCell>
                <TableCell>{formatDate(d.createdAt)}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        ) : null}
      </Card>
    </>
  );
}
