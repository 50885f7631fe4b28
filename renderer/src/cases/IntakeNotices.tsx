import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { CalendarClockRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import { workingDaysText } from '../ui/DueDate.js';
import { formatDay } from '../ui/format.js';

export type Preview = ProcedureOutput<'deadline.preview'>;

const useStyles = makeStyles({
  preview: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
  },
  previewText: { fontWeight: tokens.fontWeightSemibold },
  previewBasis: { color: tokens.colorNeutralForeground2 },
});

/** The due date while intake types, as the backend's deadline engine computes it. */
export function DeadlinePreview({ preview }: { preview: Preview | null }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.preview} role="status" aria-label={t('intake.previewLabel')}>
      <CalendarClockRegular fontSize={20} aria-hidden />
      {preview ? (
        <span>
          <span className={styles.previewText}>
            {t('intake.preview', {
              date: formatDay(preview.due),
              days: workingDaysText(t, preview.workingDaysLeft, preview.workingDaysLeft < 0 ? 'overdue' : 'ok'),
            })}
          </span>{' '}
          <span className={styles.previewBasis}>— {t(`intake.previewBasis.${preview.basis}`)}</span>
        </span>
      ) : (
        <span>{t('intake.previewMissing')}</span>
      )}
    </div>
  );
}

export interface Duplicates {
  references: string[];
  possibleDuplicate: boolean;
}
export const NO_DUPLICATES: Duplicates = { references: [], possibleDuplicate: false };

/** Intake gets no references (the backend leaves them out): it hears only to ask the privacy team. */
export function DuplicatesBar({ references }: { references: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('intake.duplicatesTitle')}</MessageBarTitle>
        {references.length > 0 ? t('intake.duplicates', { references: references.join(', ') }) : t('intake.duplicatesAskTeam')}
      </MessageBarBody>
    </MessageBar>
  );
}
