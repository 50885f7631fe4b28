import { Badge, Button, makeStyles, mergeClasses, TableCell, TableRow, Text, tokens } from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  ArrowTurnDownRightRegular,
  DocumentPdfRegular,
  DocumentTextRegular,
  EyeOffRegular,
  EyeRegular,
  ImageRegular,
  MailRegular,
} from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/cases/case-schemas.js';
import type { DocumentView } from '../../../shared/dossier/dossier-schemas.js';
import { DOCUMENT_SOURCE_LABELS, type DocumentFormat } from '../../../shared/dossier/dossier.js';
import { useSession } from '../api/session.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { DataTable } from '../ui/DataTable.js';
import { LoadedContent } from '../ui/LoadedContent.js';
import { useTableStyles } from '../ui/tableStyles.js';
import { formatDate, formatDay } from '../ui/format.js';
import type { PdfVersion } from '../ui/pdf/useDossierPdf.js';
import { isAssignedHandler } from '../cases/access.js';
import { DocumentViewer } from './DocumentViewer.js';
import { ImportCard } from './ImportCard.js';
import { SourcesCard } from './SourcesCard.js';
import { documentTree, useDocuments } from './useDossier.js';
import { headingRow, introText, sectionHeading } from '../ui/styles.js';

export interface DocumentFocus {
  documentId: string;
  version: PdfVersion;
}

const FORMAT_ICONS: Record<DocumentFormat, typeof DocumentPdfRegular> = {
  pdf: DocumentPdfRegular,
  image: ImageRegular,
  email: MailRegular,
  text: DocumentTextRegular,
};

const useStyles = makeStyles({
  heading: sectionHeading,
  headingRow: headingRow,
  intro: introText,
  name: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalS },
  attachment: { paddingLeft: tokens.spacingHorizontalXXL },
  icon: { fontSize: '20px', flexShrink: 0, color: tokens.colorNeutralForeground2 },
  nameText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalXS, flexWrap: 'nowrap' },
});

/** Which pages' text came from OCR, once the document was read on Lakken: names there were never text, so the handler looks twice. */
function OcrBadge({ document }: { document: DocumentView }) {
  const { t } = useTranslation();
  const pages = document.ocrPages ?? [];
  if (pages.length === 0) return null;
  const label = pages.length === document.pages ? t('dossier.ocrAll') : t('dossier.ocrPages', { pages: pages.map((p) => p + 1).join(', ') });
  return (
    <Badge appearance="tint" shape="rounded" color="informative" title={t('dossier.ocrHint')}>
      {label}
    </Badge>
  );
}

/**
 * Dossier: the documents of the case (e-mail attachments under their message), reading new ones
 * in, and the viewer, which shows the original or the redacted version.
 */
export function DossierTab({ detail, focus, onRedact }: { detail: CaseDetail; focus: DocumentFocus | null; onRedact: (documentId: string) => void }) {
  const { staff } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const card = useCardStyles();
  const canWork = isAssignedHandler(staff, detail.handlerId);
  const documents = useDocuments(detail.id);
  const [open, setOpen] = useState<DocumentFocus | null>(focus);
  const viewerHeading = useRef<HTMLHeadingElement>(null);
  const listId = useId();
  const viewerId = useId();
  const rows = documentTree(documents.value ?? []);
  const opened = rows.find((r) => r.document.id === open?.documentId)?.document ?? null;

  const show = (document: DocumentView, version: PdfVersion = 'original') => {
    setOpen({ documentId: document.id, version });
  };

  // Opening a document moves the view to the viewer's heading.
  // Only when another document is opened (or first found in the list), not when the list reloads.
  const openedId = open?.documentId ?? null;
  const found = opened !== null;
  useEffect(() => {
    if (openedId !== null && found) viewerHeading.current?.focus();
  }, [openedId, found]);

  return (
    <>
      <Text as="p" block className={styles.intro}>
        {t('dossier.intro')}
      </Text>
      {canWork ? <ImportCard caseId={detail.id} onImported={documents.reload} /> : null}
      <section className={card.card} aria-labelledby={listId}>
        <div className={styles.headingRow}>
          <h2 id={listId} className={styles.heading}>
            {t('dossier.documents')}
          </h2>
          <Button size="small" appearance="subtle" icon={<ArrowClockwiseRegular />} onClick={() => void documents.reload()}>
            {t('common.refresh')}
          </Button>
        </div>
        <LoadedContent loaded={documents} loading={t('dossier.loading')}>
          {() =>
            rows.length === 0 ? (
              <Text className={table.muted}>{t('dossier.empty')}</Text>
            ) : (
              <DataTable
                label={t('dossier.tableLabel')}
                columns={[
                  t('dossier.columns.name'),
                  t('dossier.columns.format'),
                  t('dossier.columns.source'),
                  t('dossier.columns.date'),
                  t('dossier.columns.pages'),
                  t('dossier.columns.redacted'),
                  t('dossier.columns.actions'),
                ]}
              >
                {rows.map(({ document, parent }) => {
                  const Icon = FORMAT_ICONS[document.format];
                  const isOpen = document.id === open?.documentId;
                  return (
                    <TableRow key={document.id} className={mergeClasses(isOpen && styles.selected)} aria-current={isOpen ? 'true' : undefined}>
                      <TableCell>
                        <span className={mergeClasses(styles.name, parent !== null && styles.attachment)}>
                          {parent ? <ArrowTurnDownRightRegular className={styles.icon} aria-hidden /> : null}
                          <Icon className={styles.icon} aria-hidden />
                          <span className={styles.nameText}>
                            <Text weight="semibold">{document.name}</Text>
                            {parent ? <span className={styles.muted}>{t('dossier.attachmentOf', { name: parent.name })}</span> : null}
                            {document.description ? <span className={styles.muted}>{document.description}</span> : null}
                          </span>
                        </span>
                      </TableCell>
                      <TableCell className={table.nowrap}>{t(`dossier.formats.${document.format}`)}</TableCell>
                      <TableCell className={table.nowrap}>{DOCUMENT_SOURCE_LABELS[document.source]}</TableCell>
                      <TableCell className={table.nowrap}>{document.documentDate ? formatDay(document.documentDate) : t('common.none')}</TableCell>
                      <TableCell>
                        <span className={styles.nameText}>
                          <span>{document.pages}</span>
                          <OcrBadge document={document} />
                        </span>
                      </TableCell>
                      <TableCell>
                        {document.redacted ? (
                          <Badge appearance="tint" shape="rounded" color="success">
                            {t('dossier.redactedOn', { date: formatDate(document.redacted.createdAt) })}
                          </Badge>
                        ) : (
                          <span className={table.muted}>{t('dossier.notRedacted')}</span>
                        )}
                      </TableCell>
                      <TableCell>
                        <span className={styles.actions}>
                          <Button size="small" icon={<EyeRegular />} aria-label={t('dossier.viewFor', { name: document.name })} onClick={() => show(document)}>
                            {t('dossier.view')}
                          </Button>
                          {canWork ? (
                            <Button
                              size="small"
                              icon={<EyeOffRegular />}
                              aria-label={t('dossier.redactFor', { name: document.name })}
                              onClick={() => onRedact(document.id)}
                            >
                              {t('dossier.redact')}
                            </Button>
                          ) : null}
                        </span>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </DataTable>
            )
          }
        </LoadedContent>
      </section>
      <SourcesCard caseId={detail.id} canWork={canWork} />
      {opened && open ? (
        <section id={viewerId} className={card.card} aria-labelledby={`${viewerId}-heading`}>
          <h2 id={`${viewerId}-heading`} ref={viewerHeading} tabIndex={-1} className={styles.heading}>
            {t('dossier.viewerTitle', { name: opened.name })}
          </h2>
          <DocumentViewer caseId={detail.id} document={opened} version={open.version} onVersion={(version) => setOpen({ documentId: opened.id, version })} />
        </section>
      ) : null}
    </>
  );
}
