import { Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTableStyles } from './tableStyles.js';

interface DataTableProps {
  /** The table's accessible name. */
  label: string;
  /** The header texts, already translated, in order; `false` leaves a column out (e.g. one only some roles see). */
  columns: readonly (string | false)[];
  /** The body: one TableRow per item. */
  children: ReactNode;
  /** A line under the rows, inside the frame: usually what an empty list says. Nothing when null, false or ''. */
  empty?: string | null | false;
  /** Makes the frame a named region that scrolls on its own and is reachable by keyboard. */
  region?: string;
  /** A small table inside a card: no frame and Fluent's own header look. */
  plain?: boolean;
}

/** A compact list: frame, header row and body, with the look every list shares (tableStyles). */
export function DataTable({ label, columns, children, empty, region, plain = false }: DataTableProps) {
  const table = useTableStyles();
  const body = (
    <Table size="small" className={plain ? undefined : table.table} aria-label={label}>
      <TableHeader>
        <TableRow className={plain ? undefined : table.headerRow}>
          {columns.map((column, index) =>
            column === false ? null : (
              <TableHeaderCell key={index} className={plain ? undefined : table.headerCell}>
                {column}
              </TableHeaderCell>
            ),
          )}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </Table>
  );
  if (plain) return body;
  return (
    <div className={table.frame} {...(region ? { role: 'region', 'aria-label': region, tabIndex: 0 } : {})}>
      {body}
      {empty ? <div className={table.empty}>{empty}</div> : null}
    </div>
  );
}
