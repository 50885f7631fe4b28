import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, OpenRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../shared/dossier/dossier-schemas.js';
import { useCardStyles } from '../ui/cardStyles.js';
import type { PdfVersion } from '../ui/pdf/useDossierPdf.js';
import { sectionHeading, wrappingActionRow } from '../ui/styles.js';
import { DocumentViewer } from '../dossier/DocumentViewer.js';
import { TitledBar } from '../ui/TitledBar.js';

const useStyles = makeStyles({
  heading: sectionHeading,
  list: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  row: wrappingActionRow,
});

interface RedactionResultProps {
  caseId: string;
  document: DocumentView;
  covered: string[];
  missed: { name: string; readable: { page: number; text: string }[] }[];
  boxes: number;
  onBack: () => void;
  onOpenInViewer: () => void;
}

/** The redaction is done: what it covered, and the new version in the viewer. */
export function RedactionResult({ caseId, document, covered, missed, boxes, onBack, onOpenInViewer }: RedactionResultProps) {
  const styles = useStyles();
  const card = useCardStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [version, setVersion] = useState<PdfVersion>('redacted');
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className={card.card} aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
        {t('redaction.result.title', { name: document.name })}
      </h2>
      <TitledBar intent="success" title={t('redaction.result.done', { count: boxes })}>
        {covered.length > 0 ? t('redaction.result.covered', { names: covered.join(', ') }) : t('redaction.result.noneCovered')}
      </TitledBar>
      {missed.length > 0 ? (
        <TitledBar intent="warning" title={t('redaction.result.missedTitle')}>
          <ul className={styles.list}>
            {missed.map(({ name, readable }) => (
              <li key={name}>
                {readable.length > 0
                  ? t('redaction.result.readable', {
                      name,
                      texts: readable.map((r) => t('redaction.result.readableAt', { text: r.text, n: r.page + 1 })).join(', '),
                    })
                  : t('redaction.result.missed', { name })}
              </li>
            ))}
          </ul>
        </TitledBar>
      ) : null}
      <div className={styles.row}>
        <Button icon={<ArrowLeftRegular />} onClick={onBack}>
          {t('redaction.result.back')}
        </Button>
        <Button icon={<OpenRegular />} onClick={onOpenInViewer}>
          {t('redaction.result.openInDossier')}
        </Button>
      </div>
      {document.redacted ? <DocumentViewer caseId={caseId} document={document} version={version} onVersion={setVersion} /> : <Spinner size="tiny" />}
    </section>
  );
}
