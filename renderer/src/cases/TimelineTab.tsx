import { Badge, makeStyles, Radio, RadioGroup, Spinner, TableCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type AuditEvent, type ProcedureName } from '../../../shared/api/contract.js';
import type { ApiError } from '../../../shared/api/result.js';
import { procedureLabel } from '../../../shared/audit/labels.js';
import { useApi } from '../api/context.js';
import { DataTable } from '../ui/DataTable.js';
import { ErrorBar } from '../ui/Notice.js';
import { roleLabels } from '../ui/roles.js';
import { useTableStyles } from '../ui/tableStyles.js';
import { formatDate, formatTime } from '../ui/format.js';

const useStyles = makeStyles({
  time: { color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalS },
  roles: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type Shown = 'changes' | 'all' | 'reads';

/** A read of the case (opening it, a document, the timeline itself) as opposed to a change. */
function isRead(event: AuditEvent): boolean {
  return (contract as Readonly<Record<string, { audit: string } | undefined>>)[event.procedure as ProcedureName]?.audit === 'read';
}

/** Tijdlijn: every audited event of this case (reads included), who, when and with what outcome. */
export function TimelineTab({ caseId }: { caseId: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The changes first: a case that has been open a while has far more reads than changes.
  const [shown, setShown] = useState<Shown>('changes');

  useEffect(() => {
    let live = true;
    void api.call('case.timeline', { id: caseId }).then((result) => {
      if (!live) return;
      if (result.ok) setEvents([...result.value].sort((a, b) => a.seq - b.seq));
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api, caseId]);

  const reads = events?.filter(isRead).length ?? 0;
  const visible = events?.filter((event) => shown === 'all' || (shown === 'reads') === isRead(event)) ?? null;

  return (
    <>
      <Text as="p" block className={table.muted} style={{ margin: 0 }}>
        {t('timeline.intro')}
      </Text>
      {error ? <ErrorBar error={error} /> : null}
      {events === null && !error ? <Spinner size="tiny" label={t('timeline.loading')} /> : null}
      {events ? (
        <RadioGroup layout="horizontal" aria-label={t('timeline.filter.label')} value={shown} onChange={(_, d) => setShown(d.value as Shown)}>
          <Radio value="changes" label={t('timeline.filter.changes', { count: events.length - reads })} />
          <Radio value="reads" label={t('timeline.filter.reads', { count: reads })} />
          <Radio value="all" label={t('timeline.filter.all', { count: events.length })} />
        </RadioGroup>
      ) : null}
      {visible ? (
        <DataTable
          label={t('timeline.tableLabel')}
          columns={[t('timeline.columns.at'), t('timeline.columns.action'), t('timeline.columns.actor'), t('timeline.columns.outcome')]}
          empty={visible.length === 0 && t('timeline.empty')}
        >
          {visible.map((event) => (
            <TableRow key={event.seq}>
              <TableCell className={table.nowrap}>
                {formatDate(event.at)}
                <span className={styles.time}>{formatTime(event.at)}</span>
              </TableCell>
              <TableCell>{procedureLabel(event.procedure)}</TableCell>
              <TableCell>
                {event.actorName ?? t('common.none')}
                {event.roles.length > 0 ? <span className={styles.roles}>{roleLabels(event.roles)}</span> : null}
              </TableCell>
              <TableCell>
                <Badge appearance="tint" shape="rounded" color={event.outcome === 'ok' ? 'success' : event.outcome === 'denied' ? 'warning' : 'danger'}>
                  {t(`audit.outcome.${event.outcome}`)}
                </Badge>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
