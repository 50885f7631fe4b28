import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PdfPage, usePdfPage } from '../ui/pdf/PdfPage.js';
import { openPdf, type PDFDocumentProxy } from '../ui/pdf/pdfjs.js';

const useStyles = makeStyles({
  stage: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    overflowY: 'auto',
    maxHeight: '78vh',
    minHeight: '240px',
    boxSizing: 'border-box',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** A4 is 595 points wide; the page is drawn to the width of the preview, at most at 100 %. */
const A4_WIDTH_PT = 595;
const CSS_PER_POINT = 96 / 72;

/**
 * The letter's PDF as the requester will see it, every page drawn by pdf.js from the bytes the API
 * returned. No frame or plugin: the CSP allows neither (frame-src and object-src), and pdf.js runs
 * no scripts of the document.
 */
export function LetterPreview({ pdfBase64, title }: { pdfBase64: string; title: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const stage = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(560);
  const [state, setState] = useState<{ source: string; doc: PDFDocumentProxy | null; failed: boolean }>({ source: '', doc: null, failed: false });

  useEffect(() => {
    const opened = openPdf(pdfBase64);
    let live = true;
    opened.promise.then(
      (doc) => {
        if (live) setState({ source: pdfBase64, doc, failed: false });
      },
      () => {
        if (live) setState({ source: pdfBase64, doc: null, failed: true });
      },
    );
    return () => {
      live = false;
      opened.destroy();
    };
  }, [pdfBase64]);

  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box && box.width > 0) setWidth(box.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const current = state.source === pdfBase64;
  const doc = current ? state.doc : null;
  const scale = Math.min(CSS_PER_POINT, Math.max(0.4, (width - 32) / A4_WIDTH_PT));
  return (
    <div ref={stage} className={styles.stage} role="region" aria-label={t('letters.preview.label', { title })} tabIndex={0}>
      {current && state.failed ? <Text className={styles.muted}>{t('letters.preview.failed')}</Text> : null}
      {!current ? <Spinner size="small" label={t('letters.preview.loading')} /> : null}
      {doc ? Array.from({ length: doc.numPages }, (_, i) => <PreviewPage key={i + 1} doc={doc} pageNumber={i + 1} scale={scale} title={title} />) : null}
    </div>
  );
}

function PreviewPage({ doc, pageNumber, scale, title }: { doc: PDFDocumentProxy; pageNumber: number; scale: number; title: string }) {
  const { t } = useTranslation();
  const page = usePdfPage(doc, pageNumber);
  if (!page) return <Spinner size="tiny" />;
  return <PdfPage page={page} scale={scale} label={t('letters.preview.page', { n: pageNumber, count: doc.numPages, title })} />;
}
