import {
  Badge,
  Button,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../shared/api/contract.js';
import type { ApiError } from '../../../../shared/api/result.js';
import { useApi } from '../../api/context.js';
import { ErrorBar, NoticeBar, type Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { useTableStyles } from '../../components/tableStyles.js';
import { formatDate, formatTime } from '../../i18n/format.js';

/** Events per page: enough to fill the screen, few enough to load at once. */
export const AUDIT_PAGE_SIZE = 50;

const useStyles = makeStyles({
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    paddingLeft: tokens.spacingHorizontalS,
  },
  time: {
    color: tokens.colorNeutralForeground2,
    paddingLeft: tokens.spacingHorizontalS,
  },
});

function OutcomeBadge({ outcome }: { outcome: AuditEvent['outcome'] }) {
  const { t } = useTranslation();
  const color = outcome === 'ok' ? 'success' : outcome === 'denied' ? 'warning' : 'danger';
  return (
    <Badge appearance="tint" color={color} shape="rounded">
      {t(`audit.outcome.${outcome}`)}
    </Badge>
  );
}

/** The audit trail, newest first, paged backwards; and the check of its hash chain. */
export function AuditScreen() {
  const api = useApi();
  const { t } = useTranslation();
  const table = useTableStyles();
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [loading, setLoading] = useState(true);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [verification, setVerification] = useState<Notice | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(
    async (beforeSeq?: number) => {
      setLoading(true);
      setError(null);
      const result = await api.call('audit.list', beforeSeq === undefined ? { limit: AUDIT_PAGE_SIZE } : { beforeSeq, limit: AUDIT_PAGE_SIZE });
      setLoading(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setEvents((previous) => (beforeSeq === undefined ? result.value : [...previous, ...result.value]));
      setHasMore(result.value.length === AUDIT_PAGE_SIZE);
    },
    [api],
  );

  useEffect(() => {
    void load();
  }, [load]);

  async function verify() {
    setVerifying(true);
    setVerification(null);
    const result = await api.call('audit.verify', {});
    setVerifying(false);
    if (!result.ok) setVerification({ intent: 'error', error: result.error });
    else if (result.value.ok) setVerification({ intent: 'success', text: t('audit.intact', { count: result.value.count }) });
    else {
      const broken = result.value.firstBroken;
      setVerification({
        intent: 'error',
        title: t('audit.brokenTitle'),
        error: { code: 'INTERNAL', message: t('audit.broken', { seq: broken?.seq ?? '?', reason: broken?.reason ?? '' }) },
      });
    }
  }

  const last = events.at(-1);

  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      <div className={table.toolbar}>
        <Button appearance="primary" icon={<ShieldCheckmarkRegular />} disabledFocusable={verifying} onClick={() => void verify()}>
          {t('audit.verify')}
        </Button>
        <Button icon={<ArrowClockwiseRegular />} disabledFocusable={loading} onClick={() => void load()}>
          {t('audit.refresh')}
        </Button>
        {verifying ? <Spinner size="tiny" label={t('audit.verifying')} /> : null}
      </div>
      <NoticeBar notice={verification} onDismiss={() => setVerification(null)} />
      {error ? <ErrorBar error={error} /> : null}
      <div className={table.frame}>
        <Table size="small" className={table.table} aria-label={t('audit.tableLabel')}>
          <TableHeader>
            <TableRow className={table.headerRow}>
              <TableHeaderCell className={table.headerCell}>{t('audit.columns.seq')}</TableHeaderCell>
              <TableHeaderCell className={table.headerCell}>{t('audit.columns.at')}</TableHeaderCell>
              <TableHeaderCell className={table.headerCell}>{t('audit.columns.actor')}</TableHeaderCell>
              <TableHeaderCell className={table.headerCell}>{t('audit.columns.procedure')}</TableHeaderCell>
              <TableHeaderCell className={table.headerCell}>{t('audit.columns.record')}</TableHeaderCell>
              <TableHeaderCell className={table.headerCell}>{t('audit.columns.outcome')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {events.map((event) => (
              <AuditRow key={event.seq} event={event} />
            ))}
          </TableBody>
        </Table>
        {!loading && events.length === 0 && !error ? <div className={table.empty}>{t('audit.empty')}</div> : null}
      </div>
      <div className={table.footer}>
        {hasMore && last ? (
          <Button disabledFocusable={loading} onClick={() => void load(last.seq)}>
            {t('audit.loadMore')}
          </Button>
        ) : null}
        {loading ? <Spinner size="tiny" label={t('audit.loading')} /> : <Text className={table.muted}>{t('audit.shown', { count: events.length })}</Text>}
      </div>
    </Page>
  );
}

function AuditRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  // Procedure names contain dots, the key separator: look them up in the map itself.
  const procedures: Readonly<Record<string, string>> = t('audit.procedures', { returnObjects: true });
  const records: Readonly<Record<string, string>> = t('audit.records', { returnObjects: true });
  const procedure = procedures[event.procedure] ?? event.procedure;
  const recordType = event.recordType === null ? null : (records[event.recordType] ?? event.recordType);
  return (
    <TableRow>
      <TableCell className={table.nowrap}>{event.seq}</TableCell>
      <TableCell className={table.nowrap}>
        {formatDate(event.at)}
        <span className={styles.time}>{formatTime(event.at)}</span>
      </TableCell>
      <TableCell>{event.actorName ?? t('common.none')}</TableCell>
      <TableCell className={table.nowrap}>
        {procedure}
        <span className={styles.code}>{event.procedure}</span>
      </TableCell>
      <TableCell className={table.nowrap}>
        {recordType === null ? (
          t('common.none')
        ) : (
          <>
            {recordType}
            {event.recordId ? <span className={styles.code}>{event.recordId.slice(0, 8)}</span> : null}
          </>
        )}
      </TableCell>
      <TableCell>
        <OutcomeBadge outcome={event.outcome} />
      </TableCell>
    </TableRow>
  );
}
