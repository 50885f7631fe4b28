import { Button, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { centerWithin, CSS_PER_POINT, scaleRect, userToView, viewToUser, type Rect } from '../ui/pdf/geometry.js';
import { PdfPage, usePdfPage } from '../ui/pdf/PdfPage.js';
import type { PDFDocumentProxy } from '../ui/pdf/pdfjs.js';
import { ZoomSelect } from '../ui/pdf/PdfViewer.js';
import { scaleFor, useWidth, type Zoom } from '../ui/pdf/useWidth.js';
import { useDragRect } from '../ui/useDragRect.js';
import type { Review } from './model.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  toolbar: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  group: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  stage: {
    overflow: 'auto',
    height: 'clamp(420px, 70vh, 960px)',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: 'flex',
    justifyContent: 'safe center',
    alignItems: 'flex-start',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  surface: { position: 'absolute', inset: 0, cursor: 'crosshair', touchAction: 'none' },
  box: { position: 'absolute', boxSizing: 'border-box', cursor: 'pointer' },
  accepted: { backgroundColor: 'rgba(0, 0, 0, 0.55)', border: '1px solid #000000' },
  manual: { backgroundColor: 'rgba(0, 0, 0, 0.55)', border: '2px solid #8764b8' },
  rejected: { backgroundColor: 'rgba(255, 255, 255, 0.1)', border: '2px dashed #c50f1f' },
  focused: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: '2px' },
  draft: { position: 'absolute', border: `2px dashed ${tokens.colorBrandStroke1}`, pointerEvents: 'none' },
});

interface RedactionPageProps {
  doc: PDFDocumentProxy;
  title: string;
  review: Review;
  onPage: (index: number) => void;
  onToggle: (id: string) => void;
  /** A box drawn with the mouse, in user space of the page. */
  onDraw: (pageIndex: number, box: Rect) => void;
}

/**
 * One page to redact: drawn by pdf.js, with the boxes on top (dark: will be redacted; dashed red:
 * rejected). Dragging on the page draws a new box; clicking a box accepts or rejects it. The list
 * beside it does the same with the keyboard.
 */
export function RedactionPage({ doc, title, review, onPage, onToggle, onDraw }: RedactionPageProps) {
  const { geometry, pageIndex, boxes, focusedId } = review;
  const styles = useStyles();
  const { t } = useTranslation();
  const [zoom, setZoom] = useState<Zoom>('fit');
  const focused = useRef<HTMLDivElement>(null);
  const page = usePdfPage(doc, pageIndex + 1);
  const shape = geometry[pageIndex];
  const stage = useRef<HTMLDivElement>(null);
  const room = useWidth(stage);
  const scale = scaleFor(zoom, shape?.width ?? 0, room, CSS_PER_POINT);
  const total = doc.numPages;

  useEffect(() => {
    if (stage.current && focused.current) centerWithin(stage.current, focused.current);
  }, [focusedId, page]);

  const at = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const { draft, handlers } = useDragRect(at, (drawn) => {
    if (shape) onDraw(pageIndex, viewToUser(shape.toView, scaleRect(drawn, 1 / scale)));
  });

  const pageBoxes = boxes.filter((b) => b.page === pageIndex);

  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <div className={styles.group} role="group" aria-label={t('viewer.pages')}>
          <Button
            icon={<ChevronLeftRegular />}
            aria-label={t('viewer.previousPage')}
            disabledFocusable={pageIndex <= 0}
            onClick={() => onPage(pageIndex - 1)}
          />
          <Text aria-live="polite">{t('redaction.pageOf', { n: pageIndex + 1, count: total })}</Text>
          <Button
            icon={<ChevronRightRegular />}
            aria-label={t('viewer.nextPage')}
            disabledFocusable={pageIndex >= total - 1}
            onClick={() => onPage(pageIndex + 1)}
          />
        </div>
        <div className={styles.group}>
          <ZoomSelect zoom={zoom} percent={Math.round((scale / CSS_PER_POINT) * 100)} onZoom={setZoom} />
        </div>
        <Text size={200} className={styles.muted}>
          {t('redaction.drawHint')}
        </Text>
      </div>
      <div ref={stage} className={styles.stage} role="region" aria-label={t('redaction.stage')} tabIndex={0}>
        {page && shape ? (
          <PdfPage page={page} scale={scale} label={t('viewer.pageImage', { n: pageIndex + 1, count: total, title })}>
            <div className={styles.surface} {...handlers} aria-hidden />
            {pageBoxes.map((box) => {
              const r = scaleRect(userToView(shape.toView, box), scale);
              const isFocused = box.id === focusedId;
              return (
                <div
                  key={box.id}
                  ref={isFocused ? focused : undefined}
                  data-box={box.id}
                  className={mergeClasses(
                    styles.box,
                    box.accepted ? (box.source === 'manual' ? styles.manual : styles.accepted) : styles.rejected,
                    isFocused && styles.focused,
                  )}
                  style={{ left: r.x, top: r.y, width: r.width, height: r.height }}
                  title={box.text || t('redaction.manualBox')}
                  aria-hidden
                  onPointerDown={(event) => event.stopPropagation()}
                  onClick={() => onToggle(box.id)}
                />
              );
            })}
            {draft ? <div className={styles.draft} style={{ left: draft.x, top: draft.y, width: draft.width, height: draft.height }} /> : null}
          </PdfPage>
        ) : (
          <Spinner size="small" label={t('viewer.loadingPage')} />
        )}
      </div>
    </div>
  );
}
