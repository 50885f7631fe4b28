import { Badge, Button, Field, Input, makeStyles, Select, Spinner, TableCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowDownloadRegular, EyeRegular, ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROCEDURE_NAMES } from '../../../shared/api/contract.js';
import type { ApiError } from '../../../shared/api/result.js';
import { AUDIT_CATEGORIES, type AuditCategory, type AuditEntry, type AuditFilter, type CaseReads } from '../../../shared/retention/retention-contract.js';
import { INTERNAL_EVENT_LABELS, procedureLabel } from '../../../shared/audit/labels.js';
import { useApi } from '../api/context.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { DataTable } from '../ui/DataTable.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { Page } from '../ui/Page.js';
import { saveCsv } from '../ui/saveCsv.js';
import { useTableStyles } from '../ui/tableStyles.js';
import { formatDate, formatTime } from '../ui/format.js';

/** Events per page: enough to fill the screen, few enough to load at once. */
export const AUDIT_PAGE_SIZE = 50;

const useStyles = makeStyles({
  // Under the Dutch label, so the table fits a laptop screen.
  code: { display: 'block', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  time: { color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalS },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

function OutcomeBadge({ outcome }: { outcome: AuditEntry['outcome'] }) {
  const { t } = useTranslation();
  const color = outcome === 'ok' ? 'success' : outcome === 'denied' ? 'warning' : 'danger';
  return (
    <Badge appearance="tint" color={color} shape="rounded">
      {t(`audit.outcome.${outcome}`)}
    </Badge>
  );
}

const CATEGORY_COLORS: Readonly<Record<AuditCategory, 'informative' | 'brand' | 'warning' | 'danger' | 'subtle'>> = {
  ingezien: 'informative',
  gewijzigd: 'brand',
  geweigerd: 'warning',
  fout: 'danger',
  overig: 'subtle',
};

interface FilterForm {
  staffId: string;
  caseReference: string;
  category: string;
  procedure: string;
  from: string;
  to: string;
}
const EMPTY: FilterForm = { staffId: '', caseReference: '', category: '', procedure: '', from: '', to: '' };

function toFilter(form: FilterForm): AuditFilter {
  const filter: AuditFilter = {};
  if (form.staffId) filter.staffId = form.staffId;
  if (form.caseReference.trim()) filter.caseReference = form.caseReference.trim().toUpperCase();
  if (form.category) filter.category = form.category as AuditCategory;
  if (form.procedure) filter.procedure = form.procedure;
  if (form.from) filter.from = form.from;
  if (form.to) filter.to = form.to;
  return filter;
}

/**
 * The audit trail, newest first, filtered by staff member, case, kind, action and period; reads of
 * personal data show as "Ingezien", and per case who viewed it; the hash chain's verification
 * (local, and central once the sync verifies it); CSV export of what the filter shows.
 */
export function AuditScreen() {
  const api = useApi();
  const { t } = useTranslation();
  const table = useTableStyles();
  const styles = useStyles();
  const [form, setForm] = useState<FilterForm>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [events, setEvents] = useState<AuditEntry[]>([]);
  const [actors, setActors] = useState<Map<string, string>>(new Map());
  const [loading, setLoading] = useState(true);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [verification, setVerification] = useState<Notice[]>([]);
  const [verifying, setVerifying] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [readers, setReaders] = useState<CaseReads | null>(null);

  const load = useCallback(
    async (active: AuditFilter, beforeSeq?: number) => {
      setLoading(true);
      setError(null);
      const result = await api.call(
        'audit.search',
        beforeSeq === undefined ? { filter: active, limit: AUDIT_PAGE_SIZE } : { filter: active, beforeSeq, limit: AUDIT_PAGE_SIZE },
      );
      setLoading(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setEvents((previous) => (beforeSeq === undefined ? result.value : [...previous, ...result.value]));
      setHasMore(result.value.length === AUDIT_PAGE_SIZE);
      setActors((previous) => {
        const next = new Map(previous);
        for (const e of result.value) if (e.actorId && e.actorName && !next.has(e.actorId)) next.set(e.actorId, e.actorName);
        return next;
      });
    },
    [api],
  );

  useEffect(() => {
    void load({});
  }, [load]);

  // Everyone on this computer, also those not in the page loaded; events add names from elsewhere.
  useEffect(() => {
    let live = true;
    void api.call('audit.staff', {}).then((result) => {
      if (!live || !result.ok) return;
      setActors((previous) => {
        const next = new Map(previous);
        for (const s of result.value) next.set(s.id, s.active ? s.fullName : t('audit.filters.formerStaff', { name: s.fullName }));
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [api, t]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = toFilter(form);
    setFilter(next);
    setReaders(null);
    void load(next);
  }

  function clear() {
    setForm(EMPTY);
    setFilter({});
    setReaders(null);
    void load({});
  }

  async function showReaders() {
    if (!filter.caseReference) return;
    const result = await api.call('audit.caseReads', { caseReference: filter.caseReference });
    if (result.ok) setReaders(result.value);
    else setNotice({ intent: 'error', error: result.error });
  }

  async function exportCsv() {
    setNotice(null);
    const result = await api.call('audit.export', { filter });
    if (!result.ok) {
      setNotice({ intent: 'error', error: result.error });
      return;
    }
    saveCsv(result.value.csv, `audit-${new Date().toISOString().slice(0, 10)}.csv`);
    setNotice({
      intent: result.value.truncated ? 'warning' : 'success',
      text: result.value.truncated ? t('audit.exportTruncated', { count: result.value.count }) : t('audit.exported', { count: result.value.count }),
    });
  }

  async function verify() {
    setVerifying(true);
    setVerification([]);
    const result = await api.call('audit.verify', {});
    setVerifying(false);
    if (!result.ok) {
      setVerification([{ intent: 'error', error: result.error }]);
      return;
    }
    const v = result.value;
    const local: Notice = v.ok
      ? { intent: 'success', text: t('audit.intact', { count: v.count }) }
      : {
          intent: 'error',
          title: t('audit.brokenTitle'),
          error: { code: 'INTERNAL', message: t('audit.broken', { seq: v.firstBroken?.seq ?? '?', reason: v.firstBroken?.reason ?? '' }) },
        };
    const central: Notice =
      v.central === null
        ? { intent: 'info', text: t('audit.centralNone') }
        : v.central.ok
          ? { intent: 'success', text: t('audit.centralOk', { count: v.central.count }) }
          : {
              intent: 'error',
              error: {
                code: 'INTERNAL',
                message: t('audit.centralBroken', { seq: v.central.firstBroken?.seq ?? '?', reason: v.central.firstBroken?.reason ?? '' }),
              },
            };
    setVerification([local, central]);
  }

  const last = events.at(-1);
  const set = (key: keyof FilterForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      <div className={table.toolbar}>
        <Button appearance="primary" icon={<ShieldCheckmarkRegular />} disabledFocusable={verifying} onClick={() => void verify()}>
          {t('audit.verify')}
        </Button>
        <Button icon={<ArrowClockwiseRegular />} disabledFocusable={loading} onClick={() => void load(filter)}>
          {t('audit.refresh')}
        </Button>
        <Button icon={<ArrowDownloadRegular />} onClick={() => void exportCsv()}>
          {t('audit.export')}
        </Button>
        {verifying ? <Spinner size="tiny" label={t('audit.verifying')} /> : null}
      </div>
      {verification.map((v, i) => (
        <NoticeBar key={i} notice={v} />
      ))}
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      <form className={styles.filters} onSubmit={apply} aria-label={t('audit.filters.title')}>
        <Field label={t('audit.filters.staff')}>
          <Select value={form.staffId} onChange={(_, d) => set('staffId')(d.value)}>
            <option value="">{t('audit.filters.anyStaff')}</option>
            {[...actors.entries()]
              .sort((a, b) => a[1].localeCompare(b[1]))
              .map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
          </Select>
        </Field>
        <Field label={t('audit.filters.case')}>
          <Input value={form.caseReference} placeholder={t('audit.filters.casePlaceholder')} onChange={(_, d) => set('caseReference')(d.value)} />
        </Field>
        <Field label={t('audit.filters.category')}>
          <Select value={form.category} onChange={(_, d) => set('category')(d.value)}>
            <option value="">{t('audit.filters.anyCategory')}</option>
            {AUDIT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`audit.category.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('audit.filters.procedure')}>
          <Select value={form.procedure} onChange={(_, d) => set('procedure')(d.value)}>
            <option value="">{t('audit.filters.anyProcedure')}</option>
            {[...PROCEDURE_NAMES, ...Object.keys(INTERNAL_EVENT_LABELS)].map((p) => (
              <option key={p} value={p}>
                {procedureLabel(p)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('audit.filters.from')}>
          <Input type="date" value={form.from} onChange={(_, d) => set('from')(d.value)} />
        </Field>
        <Field label={t('audit.filters.to')}>
          <Input type="date" value={form.to} onChange={(_, d) => set('to')(d.value)} />
        </Field>
        <Button appearance="primary" type="submit">
          {t('audit.filters.apply')}
        </Button>
        <Button onClick={clear}>{t('audit.filters.clear')}</Button>
        {filter.caseReference ? (
          <Button icon={<EyeRegular />} onClick={() => void showReaders()}>
            {t('audit.readers.show')}
          </Button>
        ) : null}
      </form>
      {readers ? <Readers readers={readers} /> : null}
      {error ? <ErrorBar error={error} /> : null}
      {/* The list scrolls on its own: reachable by keyboard (Tab, then the arrow keys). */}
      <DataTable
        label={t('audit.tableLabel')}
        columns={[
          t('audit.columns.seq'),
          t('audit.columns.at'),
          t('audit.columns.actor'),
          t('audit.columns.procedure'),
          t('audit.columns.category'),
          t('audit.columns.record'),
          t('audit.columns.outcome'),
        ]}
        empty={!loading && events.length === 0 && !error && t('audit.empty')}
        region={t('audit.tableRegion')}
      >
        {events.map((event) => (
          <AuditRow key={event.seq} event={event} />
        ))}
      </DataTable>
      <div className={table.footer}>
        {hasMore && last ? (
          <Button disabledFocusable={loading} onClick={() => void load(filter, last.seq)}>
            {t('audit.loadMore')}
          </Button>
        ) : null}
        {loading ? <Spinner size="tiny" label={t('audit.loading')} /> : <Text className={table.muted}>{t('audit.shown', { count: events.length })}</Text>}
      </div>
    </Page>
  );
}

/** "Wie heeft dit dossier ingezien": per staff member how often and when. */
function Readers({ readers: r }: { readers: CaseReads }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const card = useCardStyles();
  const table = useTableStyles();
  return (
    <section className={card.card} aria-labelledby="audit-readers">
      <h2 id="audit-readers" className={styles.heading}>
        {t('audit.readers.title')}
      </h2>
      <Text>{t('audit.readers.intro', { reference: r.caseReference })}</Text>
      {r.byStaff.length === 0 ? (
        <Text>{t('audit.readers.none')}</Text>
      ) : (
        <DataTable
          label={t('audit.readers.tableLabel')}
          columns={[t('audit.readers.staff'), t('audit.readers.count'), t('audit.readers.first'), t('audit.readers.last')]}
          plain
        >
          {r.byStaff.map((s) => (
            <TableRow key={s.actorId ?? 'systeem'}>
              <TableCell>{s.actorName ?? t('common.none')}</TableCell>
              <TableCell>{s.count}</TableCell>
              <TableCell className={table.nowrap}>
                {formatDate(s.firstAt)} {formatTime(s.firstAt)}
              </TableCell>
              <TableCell className={table.nowrap}>
                {formatDate(s.lastAt)} {formatTime(s.lastAt)}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function AuditRow({ event }: { event: AuditEntry }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const records: Readonly<Record<string, string>> = t('audit.records', { returnObjects: true });
  const procedure = procedureLabel(event.procedure);
  const recordType = event.recordType === null ? null : (records[event.recordType] ?? event.recordType);
  return (
    <TableRow>
      <TableCell className={table.nowrap}>{event.seq}</TableCell>
      <TableCell className={table.nowrap}>
        {formatDate(event.at)}
        <span className={styles.time}>{formatTime(event.at)}</span>
      </TableCell>
      <TableCell>{event.actorName ?? t('common.none')}</TableCell>
      <TableCell>
        {procedure}
        <span className={styles.code}>{event.procedure}</span>
      </TableCell>
      <TableCell>
        <Badge appearance="tint" color={CATEGORY_COLORS[event.category]} shape="rounded">
          {t(`audit.category.${event.category}`)}
        </Badge>
      </TableCell>
      <TableCell>
        {event.caseReference ?? (recordType === null ? t('common.none') : recordType)}
        {event.caseReference === null && event.recordId ? <span className={styles.code}>{event.recordId.slice(0, 8)}</span> : null}
      </TableCell>
      <TableCell>
        <OutcomeBadge outcome={event.outcome} />
      </TableCell>
    </TableRow>
  );
}
