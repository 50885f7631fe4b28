import { makeStyles, Radio, RadioGroup, Spinner, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../shared/dossier/dossier-schemas.js';
import { ErrorBar } from '../ui/Notice.js';
import { PdfViewer } from '../ui/pdf/PdfViewer.js';
import { useDossierPdf, type PdfVersion } from '../ui/pdf/useDossierPdf.js';

const useStyles = makeStyles({
  version: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  versionLabel: { fontWeight: tokens.fontWeightSemibold },
});

/** A dossier document in the viewer, as it came in or as its latest redacted version. */
export function DocumentViewer({
  caseId,
  document,
  version,
  onVersion,
}: {
  caseId: string;
  document: DocumentView;
  version: PdfVersion;
  onVersion: (version: PdfVersion) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const labelId = useId();
  const shown: PdfVersion = version === 'redacted' && document.redacted ? 'redacted' : 'original';
  const { doc, error, loading } = useDossierPdf(caseId, document.id, shown, document.redacted?.id ?? '');
  const title = `${document.name} (${shown === 'redacted' ? t('viewer.redacted') : t('viewer.original')})`;

  const versionChoice = (
    <div className={styles.version}>
      <span id={labelId} className={styles.versionLabel}>
        {t('viewer.version')}
      </span>
      <RadioGroup layout="horizontal" aria-labelledby={labelId} value={shown} onChange={(_, d) => onVersion(d.value === 'redacted' ? 'redacted' : 'original')}>
        <Radio value="original" label={t('viewer.original')} />
        <Radio value="redacted" label={t('viewer.redacted')} disabled={!document.redacted} />
      </RadioGroup>
    </div>
  );

  if (error) return <ErrorBar error={error} />;
  if (loading || !doc) return <Spinner size="small" label={t('viewer.loading')} />;
  return <PdfViewer key={`${document.id}-${shown}-${document.redacted?.id ?? ''}`} doc={doc} title={title} toolbarStart={versionChoice} />;
}
