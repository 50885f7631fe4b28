import {
  Button,
  Checkbox,
  Input,
  Label,
  makeStyles,
  Menu,
  MenuButton,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  Select,
  Spinner,
  Text,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  CalendarClockRegular,
  DismissRegular,
  ErrorCircleFilled,
  FilterRegular,
  SearchRegular,
  WarningFilled,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueQuery, QueueRow } from '../../../../shared/cases/case-schemas.js';
import type { ProcedureOutput } from '../../../../shared/api/contract.js';
import type { ApiError } from '../../../../shared/api/result.js';
import { CASE_STATUSES, STATUS_LABELS, type CaseStatus } from '../../../../shared/cases/cases.js';
import { REQUEST_TYPES, type RequestType } from '../../../../shared/cases/request-types.js';
import { useApi } from '../../api/context.js';
import { useSession } from '../../api/session.js';
import { useDebounced, useHandlers } from '../../ui/hooks.js';
import { ErrorBar, NoticeBar, type Notice } from '../../ui/Notice.js';
import { Page } from '../../ui/Page.js';
import { HandoverImport } from '../../handover/HandoverImport.js';
import { useTableStyles } from '../../ui/tableStyles.js';
import { canOpenCase, maySeeSomeContent, maySelfAssign } from '../access.js';
import { DEFAULT_FILTER, isDefaultFilter, loadFilter, saveFilter, type QueueFilter, type QueueSortColumn } from './queueFilter.js';
import { QueueTable } from './QueueTable.js';

/** What the queue keeps while a case is open, in memory only (the search text may be a name). */
export interface QueueMemory {
  search: string;
  activeId: string | null;
}

type Queue = ProcedureOutput<'case.queue'>;

const SEARCH_DEBOUNCE_MS = 250;

const useStyles = makeStyles({
  counters: { display: 'flex', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap', margin: 0, padding: 0, listStyle: 'none' },
  counter: {
    display: 'flex',
    flexDirection: 'column-reverse',
    minWidth: '120px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  counterWarning: { borderLeft: `4px solid ${tokens.colorStatusWarningBorderActive}` },
  counterDanger: { borderLeft: `4px solid ${tokens.colorStatusDangerBorderActive}` },
  counterLabel: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  counterValue: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  warningIcon: { color: tokens.colorStatusWarningForeground3 },
  dangerIcon: { color: tokens.colorStatusDangerForeground1 },
  filters: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: 'wrap' },
  search: { width: '300px' },
  inline: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  frame: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '260px', overflowY: 'hidden' },
  footer: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3 },
});

function toQuery(filter: QueueFilter, search: string): QueueQuery {
  const query: QueueQuery = { sort: filter.sort, direction: filter.direction, includeClosed: filter.includeClosed };
  if (search !== '') query.search = search;
  if (filter.types.length > 0) query.types = filter.types;
  if (filter.statuses.length > 0) query.statuses = filter.statuses;
  if (filter.handler !== null) query.handler = filter.handler;
  if (filter.due !== null) query.due = filter.due;
  return query;
}

/**
 * Werkvoorraad: the cases this staff member may see, with the counters, filters (kept in
 * localStorage), a search over reference, name and customer number, and the virtualized list.
 */
export function QueueScreen({ memory, onOpenCase }: { memory: QueueMemory; onOpenCase: (caseId: string) => void }) {
  const api = useApi();
  const { staff } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const hintId = useId();
  const handlers = useHandlers();

  const [filter, setFilterState] = useState<QueueFilter>(loadFilter);
  const [search, setSearch] = useState(memory.search);
  const settledSearch = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const [queue, setQueue] = useState<Queue | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [activeId, setActiveId] = useState<string | null>(memory.activeId);
  const [busyId, setBusyId] = useState<string | null>(null);
  const requestNumber = useRef(0);

  const setFilter = useCallback((change: Partial<QueueFilter>) => {
    setFilterState((previous) => {
      const next = { ...previous, ...change };
      saveFilter(next);
      return next;
    });
  }, []);

  const load = useCallback(async () => {
    // Only the answer to the latest request counts: typing fast sends several.
    const mine = ++requestNumber.current;
    setLoading(true);
    const result = await api.call('case.queue', toQuery(filter, settledSearch));
    if (mine !== requestNumber.current) return;
    setLoading(false);
    if (result.ok) {
      setQueue(result.value);
      setError(null);
    } else setError(result.error);
  }, [api, filter, settledSearch]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    memory.search = search;
  }, [memory, search]);
  useEffect(() => {
    memory.activeId = activeId;
  }, [memory, activeId]);

  const onSort = (column: QueueSortColumn) =>
    setFilter(filter.sort === column ? { direction: filter.direction === 'asc' ? 'desc' : 'asc' } : { sort: column, direction: 'asc' });

  const canOpen = useCallback((row: QueueRow) => canOpenCase(staff, row.handlerId), [staff]);
  const canTake = useCallback((row: QueueRow) => maySelfAssign(staff, row.handlerId) && !staff.roles.includes('dpo'), [staff]);

  const take = async (row: QueueRow) => {
    setBusyId(row.id);
    setNotice(null);
    const result = await api.call('case.assign', { id: row.id, handlerId: staff.id });
    setBusyId(null);
    if (result.ok) {
      setNotice({ intent: 'success', text: t('queue.assigned', { reference: row.reference }) });
      setActiveId(row.id);
      void load();
    } else setNotice({ intent: 'error', error: result.error });
  };

  const open = (row: QueueRow) => {
    setActiveId(row.id);
    memory.activeId = row.id;
    onOpenCase(row.id);
  };

  const seesContent = queue?.showsContent ?? maySeeSomeContent(staff);
  const intro = staff.roles.includes('dpo') ? t('queue.introAll') : staff.roles.includes('handler') ? t('queue.introHandler') : t('queue.introIntake');
  const handlerOptions = useMemo(() => {
    // A handler sees only their own and unassigned cases: other handlers would filter to nothing.
    if (staff.roles.includes('dpo') || staff.roles.includes('intake')) return handlers.map((h) => ({ id: h.id, label: h.fullName }));
    return staff.roles.includes('handler') ? [{ id: staff.id, label: t('queue.filters.handlerMine') }] : [];
  }, [handlers, staff, t]);
  const rows = queue?.rows ?? [];

  return (
    <Page title={t('queue.title')} intro={intro} fill>
      <ul className={styles.counters} aria-label={t('queue.counters.label')}>
        <Counter label={t('queue.counters.open')} value={queue?.counts.open} />
        <Counter
          label={t('queue.counters.thisWeek')}
          value={queue?.counts.dueThisWeek}
          className={queue && queue.counts.dueThisWeek > 0 ? styles.counterWarning : undefined}
          icon={queue && queue.counts.dueThisWeek > 0 ? <WarningFilled className={styles.warningIcon} aria-hidden /> : null}
        />
        <Counter
          label={t('queue.counters.overdue')}
          value={queue?.counts.overdue}
          className={queue && queue.counts.overdue > 0 ? styles.counterDanger : undefined}
          icon={queue && queue.counts.overdue > 0 ? <ErrorCircleFilled className={styles.dangerIcon} aria-hidden /> : null}
        />
      </ul>
      <HandoverImport onOpenCase={onOpenCase} />

      <div className={styles.filters} role="search" aria-label={t('queue.filters.label')}>
        <Input
          className={styles.search}
          type="search"
          value={search}
          aria-label={t('queue.filters.search')}
          placeholder={seesContent ? t('queue.filters.searchPlaceholder') : t('queue.filters.searchPlaceholderNoContent')}
          contentBefore={<SearchRegular aria-hidden />}
          autoComplete="off"
          spellCheck={false}
          onChange={(_, data) => setSearch(data.value)}
        />
        <ChoiceMenu
          label={t('queue.filters.type')}
          name="types"
          options={REQUEST_TYPES.map((type) => ({ value: type, label: t(`caseTypes.${type}`) }))}
          checked={filter.types}
          onChange={(values) => setFilter({ types: REQUEST_TYPES.filter((type): type is RequestType => values.includes(type)) })}
        />
        <ChoiceMenu
          label={t('queue.filters.status')}
          name="statuses"
          options={CASE_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
          checked={filter.statuses}
          onChange={(values) => setFilter({ statuses: CASE_STATUSES.filter((status): status is CaseStatus => values.includes(status)) })}
        />
        <span className={styles.inline}>
          <Label htmlFor={`${hintId}-handler`}>{t('queue.filters.handler')}</Label>
          <Select id={`${hintId}-handler`} value={filter.handler ?? ''} onChange={(_, data) => setFilter({ handler: data.value === '' ? null : data.value })}>
            <option value="">{t('queue.filters.handlerAll')}</option>
            <option value="none">{t('queue.filters.handlerNone')}</option>
            {handlerOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
            {/* A stored choice of a handler who is no longer active still shows what it filters on. */}
            {filter.handler && filter.handler !== 'none' && !handlerOptions.some((o) => o.id === filter.handler) ? (
              <option value={filter.handler}>{t('common.none')}</option>
            ) : null}
          </Select>
        </span>
        <ToggleButton
          checked={filter.due === 'overdue'}
          icon={<ErrorCircleFilled className={filter.due === 'overdue' ? '' : styles.dangerIcon} />}
          onClick={() => setFilter({ due: filter.due === 'overdue' ? null : 'overdue' })}
        >
          {t('queue.filters.overdue')}
        </ToggleButton>
        <ToggleButton
          checked={filter.due === 'thisWeek'}
          icon={<CalendarClockRegular />}
          onClick={() => setFilter({ due: filter.due === 'thisWeek' ? null : 'thisWeek' })}
        >
          {t('queue.filters.thisWeek')}
        </ToggleButton>
        <Checkbox
          label={t('queue.filters.includeClosed')}
          checked={filter.includeClosed}
          onChange={(_, data) => setFilter({ includeClosed: data.checked === true })}
        />
        {!isDefaultFilter(filter) ? (
          <Button
            appearance="subtle"
            icon={<DismissRegular />}
            onClick={() => setFilter({ ...DEFAULT_FILTER, sort: filter.sort, direction: filter.direction })}
          >
            {t('queue.filters.reset')}
          </Button>
        ) : null}
      </div>

      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {error ? <ErrorBar error={error} /> : null}

      <div className={mergeClasses(table.frame, styles.frame)}>
        <QueueTable
          rows={rows}
          sort={filter.sort}
          direction={filter.direction}
          onSort={onSort}
          activeId={activeId}
          onActiveChange={setActiveId}
          canOpen={canOpen}
          canTake={canTake}
          onOpen={open}
          onTake={(row) => void take(row)}
          busyId={busyId}
          describedBy={hintId}
          scrollKey={`${JSON.stringify(filter)}|${settledSearch}`}
        />
        {!loading && queue && rows.length === 0 && !error ? <div className={table.empty}>{t('queue.empty')}</div> : null}
      </div>

      <div className={styles.footer}>
        {loading ? (
          <Spinner size="tiny" label={t('queue.loading')} />
        ) : (
          <Text className={table.muted} role="status">
            {queue && queue.total > rows.length ? t('queue.shownOf', { shown: rows.length, total: queue.total }) : t('queue.shown', { count: rows.length })}
          </Text>
        )}
        <Button appearance="subtle" size="small" icon={<ArrowClockwiseRegular />} disabledFocusable={loading} onClick={() => void load()}>
          {t('common.refresh')}
        </Button>
        <Text id={hintId} size={200} className={styles.hint}>
          {t('queue.keyboardHint')}
        </Text>
      </div>
    </Page>
  );
}

function Counter({ label, value, className, icon }: { label: string; value: number | undefined; className?: string | undefined; icon?: ReactNode }) {
  const styles = useStyles();
  return (
    <li className={mergeClasses(styles.counter, className)}>
      <span className={styles.counterLabel}>
        {icon}
        {label}
      </span>
      <span className={styles.counterValue}>{value ?? '…'}</span>
    </li>
  );
}

/** A menu button with checkable options: several types or statuses at once. */
function ChoiceMenu({
  label,
  name,
  options,
  checked,
  onChange,
}: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const { t } = useTranslation();
  const summary =
    checked.length === 0
      ? t('queue.filters.all')
      : checked.length === 1
        ? (options.find((o) => o.value === checked[0])?.label ?? '')
        : t('queue.filters.some', { count: checked.length });
  return (
    <Menu checkedValues={{ [name]: [...checked] }} onCheckedValueChange={(_, data) => onChange(data.checkedItems)}>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton icon={<FilterRegular />} appearance={checked.length > 0 ? 'primary' : 'secondary'}>
          {label}: {summary}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {options.map((option) => (
            <MenuItemCheckbox key={option.value} name={name} value={option.value}>
              {option.label}
            </MenuItemCheckbox>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
