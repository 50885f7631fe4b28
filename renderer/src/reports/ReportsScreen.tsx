import { Button, Field, Input, makeStyles, Select, Spinner, TableCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import type { ApiError } from '../../../shared/api/result.js';
import { CHANNEL_LABELS, CHANNELS, dutchToday, REQUEST_TYPE_LABELS } from '../../../shared/cases/cases.js';
import { formatDutchNumber } from '../../../shared/reports/csv.js';
import { outcomeLabel, periodAround, PERIOD_KINDS, reportCasesCsv, reportCsv, type PeriodKind } from '../../../shared/reports/reports.js';
import { REQUEST_TYPES } from '../../../shared/cases/request-types.js';
import { useApi } from '../api/context.js';
import { useSession } from '../api/session.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { DataTable } from '../ui/DataTable.js';
import { ErrorBar } from '../ui/Notice.js';
import { Page } from '../ui/Page.js';
import { saveCsv } from '../ui/saveCsv.js';
import { useTableStyles } from '../ui/tableStyles.js';
import { formatDay } from '../ui/format.js';

type Report = ProcedureOutput<'report.get'>;

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  kpis: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: tokens.spacingHorizontalM, margin: 0, padding: 0 },
  kpi: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column-reverse',
  },
  kpiValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(470px, 1fr))', gap: tokens.spacingHorizontalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
/** `2026-03` → `mrt`, with the year at January. */
const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month}${month.endsWith('-01') ? ` ${month.slice(2, 4)}` : ''}`;
const shortType = (type: keyof typeof REQUEST_TYPE_LABELS) => REQUEST_TYPE_LABELS[type].split(' (')[0] ?? type;

/** A bar chart in a titled figure; the numbers are also in the CSV and the tiles, the chart shows the shape. */
function ChartCard({
  id,
  title,
  data,
  bars,
}: {
  id: string;
  title: string;
  data: Record<string, string | number>[];
  bars: { key: string; name: string; color: string; stack?: string }[];
}) {
  const styles = useStyles();
  const card = useCardStyles();
  return (
    <figure className={card.card} aria-labelledby={id} data-chart={id} style={{ margin: 0 }}>
      <figcaption id={id} className={styles.heading}>
        {title}
      </figcaption>
      <BarChart width={440} height={250} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} width={32} />
        <Tooltip />
        {bars.length > 1 ? <Legend /> : null}
        {bars.map((bar) => (
          <Bar key={bar.key} dataKey={bar.key} name={bar.name} fill={bar.color} {...(bar.stack ? { stackId: bar.stack } : {})} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}

/**
 * Rapportages: per month, quarter, year or a chosen period. The dpo also gets the cases behind the
 * figures; the auditor the same figures without references or names (the backend leaves them out).
 */
export function ReportsScreen() {
  const api = useApi();
  const { staff } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const card = useCardStyles();
  const table = useTableStyles();
  const today = dutchToday(new Date());
  const [kind, setKind] = useState<PeriodKind>('jaar');
  const [anchor, setAnchor] = useState(today);
  const [custom, setCustom] = useState(periodAround('maand', today));
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  const period = kind === 'anders' ? custom : periodAround(kind, /^\d{4}-\d{2}-\d{2}$/u.test(anchor) ? anchor : today);

  const load = useCallback(
    async (range: { from: string; to: string }) => {
      setLoading(true);
      const result = await api.call('report.get', range);
      setLoading(false);
      if (result.ok) {
        setReport(result.value);
        setError(null);
      } else setError(result.error);
    },
    [api],
  );

  useEffect(() => {
    void load(periodAround('jaar', dutchToday(new Date())));
  }, [load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load(period);
  };

  const days = (value: number | null) => (value === null ? t('reports.kpi.none') : t('reports.kpi.days', { value: formatDutchNumber(value) }));
  const c = report?.completed;
  const colors = [tokens.colorPaletteBlueBorderActive, tokens.colorPaletteGreenBorderActive, tokens.colorPaletteRedBorderActive];

  return (
    <Page title={t('reports.title')} intro={staff.roles.includes('dpo') ? t('reports.intro') : `${t('reports.intro')} ${t('reports.auditorNote')}`}>
      <form className={styles.form} onSubmit={submit} aria-label={t('reports.period')}>
        <Field label={t('reports.period')}>
          <Select value={kind} onChange={(_, d) => setKind(d.value as PeriodKind)}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`reports.periods.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        {kind === 'anders' ? (
          <>
            <Field label={t('reports.from')}>
              <Input type="date" value={custom.from} onChange={(_, d) => setCustom((p) => ({ ...p, from: d.value }))} />
            </Field>
            <Field label={t('reports.to')}>
              <Input type="date" value={custom.to} onChange={(_, d) => setCustom((p) => ({ ...p, to: d.value }))} />
            </Field>
          </>
        ) : (
          <Field label={t('reports.anchor')}>
            <Input type="date" value={anchor} onChange={(_, d) => setAnchor(d.value)} />
          </Field>
        )}
        <Button appearance="primary" type="submit" disabledFocusable={loading}>
          {t('reports.show')}
        </Button>
        {report ? (
          <>
            <Button icon={<ArrowDownloadRegular />} onClick={() => saveCsv(reportCsv(report), `rapportage-${report.from}-${report.to}.csv`)}>
              {t('reports.exportFigures')}
            </Button>
            {report.cases ? (
              <Button icon={<ArrowDownloadRegular />} onClick={() => saveCsv(reportCasesCsv(report.cases ?? []), `zaken-${report.from}-${report.to}.csv`)}>
                {t('reports.exportCases')}
              </Button>
            ) : null}
          </>
        ) : null}
        {loading ? <Spinner size="tiny" /> : null}
      </form>
      {error ? <ErrorBar error={error} /> : null}
      {report && c ? (
        <>
          <Text weight="semibold">{t('reports.range', { from: formatDay(report.from), to: formatDay(report.to) })}</Text>
          <dl className={styles.kpis}>
            {[
              [t('reports.kpi.received'), String(report.received.total)],
              [t('reports.kpi.completed'), String(c.total)],
              [t('reports.kpi.onTime'), c.onTimePercentage === null ? t('reports.kpi.none') : `${formatDutchNumber(c.onTimePercentage)}%`],
              [t('reports.kpi.median'), days(c.medianWorkingDays)],
              [t('reports.kpi.p90'), days(c.p90WorkingDays)],
              [t('reports.kpi.extensions'), String(report.received.extensionsUsed)],
              [t('reports.kpi.overdue'), String(report.received.overdueNow)],
              [t('reports.kpi.thirdParties'), String(c.thirdPartiesHeard)],
              [t('reports.kpi.redactions'), String(c.redactedDocuments)],
            ].map(([label, value]) => (
              <div key={label} className={styles.kpi}>
                <dt>{label}</dt>
                <dd className={styles.kpiValue}>{value}</dd>
              </div>
            ))}
          </dl>
          <div className={styles.charts}>
            <ChartCard
              id="chart-type"
              title={t('reports.charts.byType')}
              data={REQUEST_TYPES.map((type) => ({ label: shortType(type), count: report.received.byType[type] ?? 0 }))}
              bars={[{ key: 'count', name: t('reports.charts.count'), color: colors[0] ?? '' }]}
            />
            <ChartCard
              id="chart-channel"
              title={t('reports.charts.byChannel')}
              data={CHANNELS.map((channel) => ({ label: CHANNEL_LABELS[channel], count: report.received.byChannel[channel] ?? 0 }))}
              bars={[{ key: 'count', name: t('reports.charts.count'), color: colors[0] ?? '' }]}
            />
            <ChartCard
              id="chart-outcome"
              title={t('reports.charts.byOutcome')}
              data={c.byOutcome.map((o) => ({ label: o.label, count: o.count }))}
              bars={[{ key: 'count', name: t('reports.charts.count'), color: colors[1] ?? '' }]}
            />
            <ChartCard
              id="chart-month"
              title={t('reports.charts.byMonth')}
              data={report.byMonth.map((m) => ({ label: monthLabel(m.month), received: m.received, onTime: m.completedOnTime, late: m.completedLate }))}
              bars={[
                { key: 'received', name: t('reports.charts.received'), color: colors[0] ?? '' },
                { key: 'onTime', name: t('reports.charts.onTime'), color: colors[1] ?? '', stack: 'afgehandeld' },
                { key: 'late', name: t('reports.charts.late'), color: colors[2] ?? '', stack: 'afgehandeld' },
              ]}
            />
          </div>
          <Text className={styles.muted}>{t('reports.definitions')}</Text>
          {report.cases ? (
            <section className={card.card} aria-labelledby="report-cases">
              <h2 id="report-cases" className={styles.heading}>
                {t('reports.cases')}
              </h2>
              <DataTable
                label={t('reports.casesLabel')}
                columns={[
                  t('reports.columns.reference'),
                  t('reports.columns.type'),
                  t('reports.columns.received'),
                  t('reports.columns.completed'),
                  t('reports.columns.days'),
                  t('reports.columns.onTime'),
                  t('reports.columns.outcome'),
                  t('reports.columns.handler'),
                ]}
                plain
              >
                {report.cases.map((row) => (
                  <TableRow key={row.reference}>
                    <TableCell className={table.nowrap}>{row.reference}</TableCell>
                    <TableCell>{shortType(row.type)}</TableCell>
                    <TableCell>{formatDay(row.receivedOn)}</TableCell>
                    <TableCell>{row.completedOn ? formatDay(row.completedOn) : '—'}</TableCell>
                    <TableCell>{row.workingDays ?? '—'}</TableCell>
                    <TableCell>{row.onTime === null ? '—' : row.onTime ? t('common.yes') : t('common.no')}</TableCell>
                    <TableCell>{row.outcome ? outcomeLabel(row.outcome) : '—'}</TableCell>
                    <TableCell>{row.handlerName ?? '—'}</TableCell>
                  </TableRow>
                ))}
              </DataTable>
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
