import {
  Button,
  Link,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../../shared/cases/case-schemas.js';
import { DueDate } from '../../ui/DueDate.js';
import { StatusBadge } from '../../ui/StatusBadge.js';
import { formatDay } from '../../ui/format.js';
import type { QueueSortColumn } from './queueFilter.js';

/** Every row has the same height: that is what lets the list render only the rows in view. */
export const ROW_HEIGHT = 52;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 6;
/** Until the list has measured itself: enough rows for a tall window. */
const FALLBACK_VIEWPORT = 900;

type ColumnId = 'reference' | 'type' | 'requester' | 'received' | 'due' | 'status' | 'handler';

/** Widths include the cells' padding (border-box); the requester's name takes what is left. */
const COLUMNS: readonly { id: ColumnId; sort: QueueSortColumn; width: number; grow?: boolean }[] = [
  { id: 'reference', sort: 'reference', width: 140 },
  { id: 'type', sort: 'type', width: 136 },
  { id: 'requester', sort: 'requesterName', width: 130, grow: true },
  { id: 'received', sort: 'receivedOn', width: 136 },
  { id: 'due', sort: 'dueOn', width: 152 },
  // "Ter ondertekening", the longest status, whole.
  { id: 'status', sort: 'status', width: 156 },
  { id: 'handler', sort: 'handlerName', width: 150, grow: true },
];
const MIN_WIDTH = `${COLUMNS.reduce((sum, column) => sum + column.width, 0)}px`;
const flexOf = (id: ColumnId) => {
  const column = COLUMNS.find((c) => c.id === id);
  return { flex: column ? `${column.grow ? 1 : 0} 0 ${column.width}px` : undefined };
};

const useStyles = makeStyles({
  // The grid is the scroll container itself: the element that takes focus is the one that scrolls.
  grid: { display: 'block', flexGrow: 1, minHeight: 0, overflow: 'auto', outlineStyle: 'none' },
  // Without rows the grid is just its header, and the frame's "no cases" line follows right under it.
  empty: { flexGrow: 0 },
  header: { position: 'sticky', top: 0, zIndex: 1, minWidth: MIN_WIDTH },
  headerRow: { backgroundColor: tokens.colorNeutralBackground3 },
  headerCell: { fontWeight: tokens.fontWeightSemibold, boxSizing: 'border-box', minWidth: 0 },
  sizer: { position: 'relative', minWidth: MIN_WIDTH },
  row: { position: 'absolute', left: 0, right: 0, boxSizing: 'border-box' },
  openable: { cursor: 'pointer' },
  warning: { boxShadow: `inset 4px 0 0 ${tokens.colorStatusWarningBorderActive}`, backgroundColor: tokens.colorStatusWarningBackground1 },
  overdue: { boxShadow: `inset 4px 0 0 ${tokens.colorStatusDangerBorderActive}`, backgroundColor: tokens.colorStatusDangerBackground1 },
  focusRing: { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  cell: { boxSizing: 'border-box', minWidth: 0, overflow: 'hidden' },
  stack: { display: 'flex', flexDirection: 'column', minWidth: 0, lineHeight: tokens.lineHeightBase300 },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // A name is read whole: a long one takes a second line (a row has room for two).
  name: { overflowWrap: 'anywhere' },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
  badge: { whiteSpace: 'nowrap', display: 'inline-block', lineHeight: '20px' },
  reference: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  take: { whiteSpace: 'nowrap', minWidth: 'auto' },
});

export interface QueueTableProps {
  rows: readonly QueueRow[];
  sort: QueueSortColumn;
  direction: 'asc' | 'desc';
  onSort: (column: QueueSortColumn) => void;
  activeId: string | null;
  onActiveChange: (id: string) => void;
  canOpen: (row: QueueRow) => boolean;
  canTake: (row: QueueRow) => boolean;
  onOpen: (row: QueueRow) => void;
  onTake: (row: QueueRow) => void;
  /** The row whose assignment is being sent. */
  busyId: string | null;
  /** id of the text that explains the keys. */
  describedBy: string;
  /** Changes when the sorting, filters or search change: the list then scrolls back to the top. */
  scrollKey: string;
}

/**
 * The work queue as an ARIA grid that renders only the rows in view (fixed row height, a scroll
 * container and absolutely placed rows), so thousands of cases open as fast as ten. The grid itself
 * takes focus; arrow keys, Page Up/Down, Home and End move the active row (aria-activedescendant),
 * Enter opens it. Sorting is the server's: the headers only say which column and direction.
 */
export function QueueTable({
  rows,
  sort,
  direction,
  onSort,
  activeId,
  onActiveChange,
  canOpen,
  canTake,
  onOpen,
  onTake,
  busyId,
  describedBy,
  scrollKey,
}: QueueTableProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const idPrefix = useId();
  const grid = useRef<HTMLDivElement>(null);
  const header = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  const [headerHeight, setHeaderHeight] = useState(0);
  const [focused, setFocused] = useState(false);

  useLayoutEffect(() => {
    const element = grid.current;
    if (!element) return;
    const measure = () => {
      setViewport(element.clientHeight);
      setHeaderHeight(header.current?.offsetHeight ?? 0);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const activeIndex = activeId === null ? -1 : rows.findIndex((row) => row.id === activeId);

  /** Scrolls so the row is in view below the sticky header. */
  const scrollIntoView = useCallback((index: number) => {
    const element = grid.current;
    if (!element) return;
    const headerSize = header.current?.offsetHeight ?? 0;
    const top = index * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + headerSize + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + headerSize + ROW_HEIGHT - element.clientHeight;
  }, []);

  // Back from a case, the row it was opened from is in view again: once, when the first rows arrive.
  const activeIndexRef = useRef(activeIndex);
  activeIndexRef.current = activeIndex;
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || rows.length === 0) return;
    restored.current = true;
    if (activeIndexRef.current >= 0) scrollIntoView(activeIndexRef.current);
  }, [rows, scrollIntoView]);
  // Other sorting, filters or search: the list starts at the top again.
  const lastScrollKey = useRef(scrollKey);
  useEffect(() => {
    if (scrollKey === lastScrollKey.current) return;
    lastScrollKey.current = scrollKey;
    if (grid.current) grid.current.scrollTop = 0;
  }, [scrollKey]);

  const height = Math.max(ROW_HEIGHT, (viewport || FALLBACK_VIEWPORT) - headerHeight);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const indices: number[] = [];
  for (let i = first; i <= last; i += 1) indices.push(i);
  // The active row stays rendered even when scrolled away, so aria-activedescendant always points somewhere.
  if (activeIndex >= 0 && (activeIndex < first || activeIndex > last)) indices.push(activeIndex);

  const rowId = (row: QueueRow) => `${idPrefix}-row-${row.id}`;
  const pageSize = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);

  const move = (index: number) => {
    if (rows.length === 0) return;
    const next = Math.min(rows.length - 1, Math.max(0, index));
    const row = rows[next];
    if (!row) return;
    onActiveChange(row.id);
    scrollIntoView(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys on the sort buttons or a row's button are theirs.
    if (event.target !== event.currentTarget) return;
    const current = activeIndex < 0 ? -1 : activeIndex;
    const handled: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current - 1),
      PageDown: () => move(current + pageSize),
      PageUp: () => move(current - pageSize),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => {
        const row = rows[current];
        if (row && canOpen(row)) onOpen(row);
      },
    };
    const action = handled[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const columnLabel = (id: ColumnId) => t(`queue.columns.${id}`);
  const activeRow = activeIndex >= 0 ? rows[activeIndex] : undefined;

  return (
    <Table
      // Fluent types these refs by the root element it may render (table or div): a callback ref fits either.
      ref={(element: HTMLDivElement | null) => {
        grid.current = element;
      }}
      noNativeElements
      size="small"
      role="grid"
      className={mergeClasses(styles.grid, rows.length === 0 && styles.empty)}
      aria-label={t('queue.tableLabel')}
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length}
      aria-describedby={describedBy}
      aria-activedescendant={activeRow ? rowId(activeRow) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onFocus={(event) => {
        if (event.target !== event.currentTarget) return;
        setFocused(true);
        if (activeIndex < 0 && rows.length > 0) move(0);
      }}
      onBlur={(event) => {
        if (event.target === event.currentTarget) setFocused(false);
      }}
    >
      <TableHeader
        ref={(element: HTMLDivElement | null) => {
          header.current = element;
        }}
        className={styles.header}
      >
        <TableRow className={styles.headerRow} aria-rowindex={1}>
          {COLUMNS.map((column) => (
            <TableHeaderCell
              key={column.id}
              className={styles.headerCell}
              style={flexOf(column.id)}
              sortable
              {...(sort === column.sort ? { sortDirection: direction === 'asc' ? 'ascending' : 'descending' } : {})}
              onClick={() => onSort(column.sort)}
            >
              {columnLabel(column.id)}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody className={styles.sizer} style={{ height: rows.length * ROW_HEIGHT }}>
        {indices.map((index) => {
          const row = rows[index];
          if (!row) return null;
          const open = canOpen(row);
          const active = index === activeIndex;
          return (
            <TableRow
              key={row.id}
              id={rowId(row)}
              aria-rowindex={index + 2}
              aria-selected={active}
              appearance={active ? 'brand' : 'none'}
              className={mergeClasses(
                styles.row,
                open && styles.openable,
                row.urgency === 'warning' && !active && styles.warning,
                row.urgency === 'overdue' && !active && styles.overdue,
                active && focused && styles.focusRing,
              )}
              style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
              onClick={() => {
                onActiveChange(row.id);
                if (open) onOpen(row);
              }}
            >
              <QueueCells row={row} open={open} active={active} take={canTake(row)} busy={busyId === row.id} onOpen={onOpen} onTake={onTake} />
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

interface CellsProps {
  row: QueueRow;
  open: boolean;
  active: boolean;
  take: boolean;
  busy: boolean;
  onOpen: (row: QueueRow) => void;
  onTake: (row: QueueRow) => void;
}

function QueueCells({ row, open, active, take, busy, onOpen, onTake }: CellsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const flex = flexOf;
  return (
    <>
      <TableCell role="gridcell" className={styles.cell} style={flex('reference')}>
        {open ? (
          // A link for the mouse and for screen readers' browse mode; the grid's Enter key does the same.
          <Link
            as="button"
            tabIndex={-1}
            className={styles.reference}
            onClick={(event) => {
              event.stopPropagation();
              onOpen(row);
            }}
          >
            {row.reference}
          </Link>
        ) : (
          <span className={styles.reference}>{row.reference}</span>
        )}
      </TableCell>
      <TableCell role="gridcell" className={styles.cell} style={flex('type')}>
        {t(`caseTypes.${row.type}`)}
      </TableCell>
      <TableCell role="gridcell" className={styles.cell} style={flex('requester')}>
        {row.requesterName === null ? (
          <span title={t('queue.hiddenTitle')}>
            <span aria-hidden className={styles.muted}>
              {t('common.none')}
            </span>
            <span className="visually-hidden">{t('queue.hidden')}</span>
          </span>
        ) : (
          <span className={styles.stack}>
            <span className={styles.name}>{row.requesterName}</span>
            {row.customerNumber ? <span className={mergeClasses(styles.small, styles.ellipsis)}>{row.customerNumber}</span> : null}
          </span>
        )}
      </TableCell>
      <TableCell role="gridcell" className={styles.cell} style={flex('received')}>
        <span className={styles.name}>{formatDay(row.receivedOn)}</span>
      </TableCell>
      <TableCell role="gridcell" className={styles.cell} style={flex('due')}>
        <DueDate dueOn={row.dueOn} workingDaysLeft={row.workingDaysLeft} urgency={row.urgency} stacked />
      </TableCell>
      <TableCell role="gridcell" className={styles.cell} style={flex('status')}>
        <StatusBadge status={row.status} className={styles.badge} title />
      </TableCell>
      <TableCell role="gridcell" className={styles.cell} style={flex('handler')}>
        {take ? (
          <Button
            size="small"
            // Only the active row's button is a Tab stop; the grid's keys reach the others.
            tabIndex={active ? 0 : -1}
            className={styles.take}
            disabledFocusable={busy}
            aria-label={t('queue.assignToMeFor', { reference: row.reference })}
            onClick={(event) => {
              event.stopPropagation();
              onTake(row);
            }}
          >
            {t('queue.assignToMe')}
          </Button>
        ) : row.handlerName ? (
          <span className={styles.name}>{row.handlerName}</span>
        ) : (
          <span className={styles.muted}>{t('queue.noHandler')}</span>
        )}
      </TableCell>
    </>
  );
}
