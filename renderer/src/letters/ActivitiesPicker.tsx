import { Checkbox, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import { fieldsetStyles } from '../ui/fieldsetStyles.js';

export type Activity = ProcedureOutput<'register.list'>[number];

const useStyles = makeStyles({
  ...fieldsetStyles(tokens.spacingVerticalXS),
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  purpose: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The processing activities of the register, to tick the ones that apply to this requester: the
 * access letter lists them with purpose, categories, recipients, retention and source (art. 15).
 */
export function ActivitiesPicker({
  activities,
  selected,
  onChange,
}: {
  /** The register; `fromDossier`: the ticks came from the case's dossier, to be checked by the handler. */
  activities: { list: Activity[]; fromDossier: boolean } | null;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t('letters.form.activities')}</legend>
      <Text className={styles.muted} size={200}>
        {t('letters.form.activitiesHint', { count: selected.length })}
        {activities?.fromDossier ? ` ${t('letters.form.activitiesFromDossier')}` : ''}
      </Text>
      {activities === null ? <Spinner size="tiny" label={t('letters.form.activitiesLoading')} /> : null}
      <div className={styles.list}>
        {(activities?.list ?? []).map((activity) => (
          <Checkbox
            key={activity.id}
            checked={selected.includes(activity.id)}
            onChange={(_, d) => toggle(activity.id, d.checked === true)}
            label={
              <>
                {activity.name}
                <span className={styles.purpose}>
                  {activity.policyReference ? `${activity.policyReference} · ` : ''}
                  {activity.purpose}
                </span>
              </>
            }
          />
        ))}
      </div>
    </fieldset>
  );
}
