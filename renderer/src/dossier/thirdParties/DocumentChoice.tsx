import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../../shared/dossier/dossier-schemas.js';
import { documentTree } from '../useDossier.js';

const useStyles = makeStyles({
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    minWidth: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  list: { display: 'flex', flexDirection: 'column', maxHeight: '220px', overflowY: 'auto' },
  attachment: { paddingLeft: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground2, padding: tokens.spacingHorizontalS },
});

/** Which documents a third party occurs in: a checkbox per document, attachments under their e-mail. */
export function DocumentChoice({
  documents,
  value,
  onChange,
}: {
  documents: readonly DocumentView[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const legendId = useId();
  const rows = documentTree(documents);
  const toggle = (id: string, checked: boolean) => onChange(rows.map((r) => r.document.id).filter((d) => (d === id ? checked : value.includes(d))));
  return (
    <fieldset className={styles.fieldset} aria-labelledby={legendId}>
      <legend id={legendId} className={styles.legend}>
        {t('thirdParties.fields.documents')}
      </legend>
      {rows.length === 0 ? (
        <Text className={styles.muted}>{t('thirdParties.fields.noDocuments')}</Text>
      ) : (
        <div className={styles.list}>
          {rows.map(({ document, parent }) => (
            <Checkbox
              key={document.id}
              className={parent ? styles.attachment : undefined}
              label={parent ? t('thirdParties.fields.attachment', { name: document.name }) : document.name}
              checked={value.includes(document.id)}
              onChange={(_, d) => toggle(document.id, d.checked === true)}
            />
          ))}
        </div>
      )}
    </fieldset>
  );
}
