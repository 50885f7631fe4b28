import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PDFDocumentProxy, PDFPageProxy } from './pdfjs.js';

/** Canvases larger than this many pixels are drawn at a lower resolution (memory of a zoomed page). */
const MAX_CANVAS_PIXELS = 16_000_000;

const useStyles = makeStyles({
  frame: { position: 'relative', flexShrink: 0, backgroundColor: '#ffffff', boxShadow: tokens.shadow4 },
  canvas: { display: 'block' },
});

/** One page of an open document, once pdf.js has read it; null while it loads. */
export function usePdfPage(doc: PDFDocumentProxy | null, pageNumber: number): PDFPageProxy | null {
  const [page, setPage] = useState<{ doc: PDFDocumentProxy; number: number; page: PDFPageProxy } | null>(null);
  useEffect(() => {
    if (doc === null || pageNumber < 1 || pageNumber > doc.numPages) return;
    let live = true;
    doc.getPage(pageNumber).then(
      (loaded) => {
        if (live) setPage({ doc, number: pageNumber, page: loaded });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [doc, pageNumber]);
  return page !== null && page.doc === doc && page.number === pageNumber ? page.page : null;
}

/** Size of a page in CSS pixels at `scale` (CSS pixels per PDF point). */
export function pageSize(page: PDFPageProxy, scale: number): { width: number; height: number } {
  const viewport = page.getViewport({ scale });
  return { width: Math.round(viewport.width), height: Math.round(viewport.height) };
}

interface PdfPageProps {
  page: PDFPageProxy;
  /** CSS pixels per PDF point. */
  scale: number;
  /** What a screen reader says for the page image; null for a decorative picture (a thumbnail in a labelled button). */
  label: string | null;
  className?: string | undefined;
  /** Overlays (highlights, boxes), positioned in CSS pixels from the page's top-left. */
  children?: ReactNode;
}

/**
 * A page drawn by pdf.js on a canvas, sharp on high-density screens, with overlays on top. A new
 * scale or page cancels the drawing in progress; drawings never overlap on one canvas.
 */
export function PdfPage({ page, scale, label, className, children }: PdfPageProps) {
  const styles = useStyles();
  const canvas = useRef<HTMLCanvasElement>(null);
  const previous = useRef<Promise<void>>(Promise.resolve());
  const size = pageSize(page, scale);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let cancelled = false;
    let cancel: (() => void) | null = null;
    const draw = async () => {
      if (cancelled) return;
      const ratio = window.devicePixelRatio || 1;
      const base = page.getViewport({ scale });
      const density = Math.min(ratio, Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, base.width * base.height)));
      const viewport = page.getViewport({ scale: scale * density });
      element.width = Math.floor(viewport.width);
      element.height = Math.floor(viewport.height);
      const task = page.render({ canvas: element, viewport });
      cancel = () => task.cancel();
      try {
        await task.promise;
      } catch {
        // Cancelled (a newer drawing follows) or a broken page: the canvas stays as far as it got.
      }
    };
    const run = previous.current.then(draw);
    previous.current = run;
    return () => {
      cancelled = true;
      cancel?.();
    };
  }, [page, scale]);

  return (
    <div className={`${styles.frame} ${className ?? ''}`} style={{ width: size.width, height: size.height }}>
      {label === null ? (
        <canvas ref={canvas} className={styles.canvas} style={{ width: size.width, height: size.height }} aria-hidden />
      ) : (
        <canvas ref={canvas} className={styles.canvas} style={{ width: size.width, height: size.height }} role="img" aria-label={label} />
      )}
      {children}
    </div>
  );
}

/**
 * A small picture of a page, drawn only once it scrolls into view (a dossier may have hundreds of
 * pages).
 */
export function PdfThumbnail({ doc, pageNumber, width, label }: { doc: PDFDocumentProxy; pageNumber: number; width: number; label: string | null }) {
  const holder = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = holder.current;
    if (!element || visible) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setVisible(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);
  const page = usePdfPage(visible ? doc : null, pageNumber);
  const scale = page ? width / page.getViewport({ scale: 1 }).width : 1;
  return (
    <div ref={holder} style={{ width, minHeight: page ? undefined : Math.round(width * 1.414) }}>
      {page ? <PdfPage page={page} scale={scale} label={label} /> : null}
    </div>
  );
}
