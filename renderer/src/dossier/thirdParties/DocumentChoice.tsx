import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../../shared/dossier/dossier-schemas.js';
import { Fieldset } from '../../ui/Fieldset.js';
import { documentTree } from '../useDossier.js';

const useStyles = makeStyles({
  fieldset: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}` },
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
  const rows = documentTree(documents);
  const toggle = (id: string, checked: boolean) => onChange(rows.map((r) => r.document.id).filter((d) => (d === id ? checked : value.includes(d))));
  return (
    <Fieldset legend={t('thirdParties.fields.documents')} bordered className={styles.fieldset}>
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
    </Fieldset>
  );
}
