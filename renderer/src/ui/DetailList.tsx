import { makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(140px, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
});

export interface Detail {
  term: string;
  /** Rows whose value is null or undefined are left out. */
  value: ReactNode;
}

/** Label–value pairs as a description list, like the account details. */
export function DetailList({ items }: { items: readonly Detail[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      {items
        .filter((item) => item.value !== null && item.value !== undefined && item.value !== '')
        .map((item) => (
          <Fragment key={item.term}>
            <dt className={styles.term}>{item.term}</dt>
            <dd className={styles.value}>{item.value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}
