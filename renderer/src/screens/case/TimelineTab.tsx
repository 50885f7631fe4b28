import { Badge, makeStyles, Spinner, TableCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../shared/api/contract.js';
import type { ApiError } from '../../../../shared/api/result.js';
import { useApi } from '../../api/context.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorBar } from '../../components/Notice.js';
import { roleLabels } from '../../components/roles.js';
import { useTableStyles } from '../../components/tableStyles.js';
import { formatDate, formatTime } from '../../i18n/format.js';

const useStyles = makeStyles({
  time: {
    color: tokens.colorNeutralForeground2,
    paddingLeft: tokens.spacingHorizontalS,
  },
  roles: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

/** Tijdlijn: every audited event of this case (reads included), who, when and with what outcome. */
export function TimelineTab({ caseId }: { caseId: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

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

  // Procedure names contain dots, the key separator: look them up in the map itself.
  const procedures: Readonly<Record<string, string>> = t('audit.procedures', { returnObjects: true });

  return (
    <>
      <Text as="p" block className={table.muted} style={{ margin: 0 }}>
        {t('timeline.intro')}
      </Text>
      {error ? <ErrorBar error={error} /> : null}
      {events === null && !error ? <Spinner size="tiny" label={t('timeline.loading')} /> : null}
      {events ? (
        <DataTable
          label={t('timeline.tableLabel')}
          columns={[t('timeline.columns.at'), t('timeline.columns.action'), t('timeline.columns.actor'), t('timeline.columns.outcome')]}
          empty={events.length === 0 && t('timeline.empty')}
        >
          {events.map((event) => (
            <TableRow key={event.seq}>
              <TableCell className={table.nowrap}>
                {formatDate(event.at)}
                <span className={styles.time}>{formatTime(event.at)}</span>
              </TableCell>
              <TableCell>{procedures[event.procedure] ?? event.procedure}</TableCell>
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
