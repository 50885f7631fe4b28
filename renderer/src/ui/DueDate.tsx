import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircleFilled, WarningFilled } from '@fluentui/react-icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../shared/cases/case-schemas.js';
import { formatDay } from './format.js';

export type Urgency = QueueRow['urgency'];

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  stacked: { flexDirection: 'column', alignItems: 'flex-start', lineHeight: tokens.lineHeightBase300 },
  stackedDays: { fontSize: tokens.fontSizeBase200 },
  days: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS, color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  warning: { color: tokens.colorStatusWarningForeground3, fontWeight: tokens.fontWeightSemibold },
  overdue: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  icon: { fontSize: '16px', flexShrink: 0 },
});

/**
 * "nog 3 werkdagen", "vandaag is de laatste dag", "2 werkdagen te laat"; null when the clock does
 * not run (decided, or suspended), unless `stopped` asks to say so.
 */
export function workingDaysText(t: TFunction, workingDaysLeft: number, urgency: Urgency): string | null {
  if (urgency === 'none') return null;
  if (urgency === 'overdue') return workingDaysLeft < 0 ? t('deadline.late', { count: -workingDaysLeft }) : t('deadline.late');
  if (workingDaysLeft === 0) return t('deadline.today');
  return t('deadline.left', { count: workingDaysLeft });
}

/**
 * A due date with the working days left ("23 december 2026 nog 20 werkdagen"). Near (warning) and past (overdue) due dates are coloured
 * and carry an icon and words, so the colour is never the only sign.
 */
export function DueDate({
  dueOn,
  workingDaysLeft,
  urgency,
  stopped = false,
  stacked = false,
}: {
  dueOn: string;
  workingDaysLeft: number;
  urgency: Urgency;
  /** The clock stands still (suspended while waiting for identification). */
  stopped?: boolean;
  /** Date above the working days, for narrow table cells. */
  stacked?: boolean;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const text = stopped ? t('deadline.stopped') : workingDaysText(t, workingDaysLeft, urgency);
  return (
    <span className={mergeClasses(styles.root, stacked && styles.stacked)}>
      <span>{formatDay(dueOn)}</span>
      {text ? (
        <span
          className={mergeClasses(styles.days, stacked && styles.stackedDays, urgency === 'warning' && styles.warning, urgency === 'overdue' && styles.overdue)}
        >
          {urgency === 'warning' ? <WarningFilled className={styles.icon} aria-hidden /> : null}
          {urgency === 'overdue' ? <ErrorCircleFilled className={styles.icon} aria-hidden /> : null}
          {text}
        </span>
      ) : null}
    </span>
  );
}
