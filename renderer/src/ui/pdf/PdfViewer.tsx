import { Button, Input, makeStyles, mergeClasses, SearchBox, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, ChevronLeftRegular, ChevronRightRegular, ZoomInRegular, ZoomOutRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { centerWithin, CSS_PER_POINT, scaleRect } from './geometry.js';
import { PdfPage, PdfThumbnail, usePdfPage } from './PdfPage.js';
import type { PDFDocumentProxy } from './pdfjs.js';
import { findOnPage, readPageText, type PageText, type TextHit } from './textSearch.js';
import { scaleFor, stepZoom, useWidth, ZOOM_LEVELS, type Zoom } from './useWidth.js';

const THUMBNAIL_WIDTH = 96;

const useStyles = makeStyles({
  viewer: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  group: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  pageInput: { width: '72px' },
  search: { width: '220px' },
  muted: { color: tokens.colorNeutralForeground2 },
  body: {
    display: 'grid',
    gridTemplateColumns: `${THUMBNAIL_WIDTH + 40}px minmax(0, 1fr)`,
    columnGap: tokens.spacingHorizontalM,
    height: 'clamp(420px, 72vh, 960px)',
  },
  thumbnails: { overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingVerticalS },
  thumbList: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', alignItems: 'center', rowGap: tokens.spacingVerticalS },
  thumbButton: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalXS,
    border: `2px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  thumbCurrent: { border: `2px solid ${tokens.colorCompoundBrandStroke}`, fontWeight: tokens.fontWeightSemibold },
  hitMark: { color: tokens.colorPaletteMarigoldForeground2 },
  stage: {
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    display: 'flex',
    justifyContent: 'safe center',
    alignItems: 'flex-start',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  hit: { position: 'absolute', backgroundColor: 'rgba(255, 200, 0, 0.38)', mixBlendMode: 'multiply', pointerEvents: 'none' },
  currentHit: { backgroundColor: 'rgba(255, 140, 0, 0.45)', outline: '2px solid #c25400' },
});

interface PdfViewerProps {
  doc: PDFDocumentProxy;
  /** The document's name, for the labels of the page images. */
  title: string;
  /** Extra controls at the start of the toolbar (such as the version choice). */
  toolbarStart?: ReactNode;
}

/**
 * A PDF viewer: page thumbnails, page navigation, zoom, and search in the document's text with the
 * hits marked on the page (case- and accent-insensitive, as the backend's search-and-redact).
 */
export function PdfViewer({ doc, title, toolbarStart }: PdfViewerProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const total = doc.numPages;
  const [pageNumber, setPageNumber] = useState(1);
  const [pageText, setPageText] = useState('1');
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<{ term: string; hits: TextHit[]; index: number } | null>(null);
  const [searching, setSearching] = useState(false);
  const texts = useRef(new Map<number, PageText>());
  const searchRun = useRef(0);
  const currentHit = useRef<HTMLDivElement>(null);
  const stageId = useId();
  const page = usePdfPage(doc, pageNumber);
  const stage = useRef<HTMLDivElement>(null);
  const room = useWidth(stage);
  const scale = scaleFor(zoom, page ? page.getViewport({ scale: 1 }).width : 0, room, CSS_PER_POINT);
  const percent = Math.round((scale / CSS_PER_POINT) * 100);

  const goTo = (n: number) => {
    const next = Math.min(total, Math.max(1, Math.round(n)));
    setPageNumber(next);
    setPageText(String(next));
  };

  async function runSearch(term: string) {
    const run = ++searchRun.current;
    if (term.trim().length < 2) {
      setSearch(null);
      return;
    }
    setSearching(true);
    const hits: TextHit[] = [];
    for (let n = 1; n <= total; n++) {
      let text = texts.current.get(n);
      if (!text) {
        try {
          text = await readPageText(await doc.getPage(n));
        } catch {
          continue;
        }
        texts.current.set(n, text);
      }
      if (run !== searchRun.current) return;
      hits.push(...findOnPage(n, text, term));
    }
    setSearching(false);
    setSearch({ term, hits, index: 0 });
    const first = hits[0];
    if (first) goTo(first.page);
  }

  const stepHit = (direction: 1 | -1) => {
    if (!search || search.hits.length === 0) return;
    const index = (search.index + direction + search.hits.length) % search.hits.length;
    setSearch({ ...search, index });
    const hit = search.hits[index];
    if (hit) goTo(hit.page);
  };

  // Bring the current hit into view once its page is drawn.
  useEffect(() => {
    if (stage.current && currentHit.current) centerWithin(stage.current, currentHit.current);
  }, [search, page]);

  const hitsOnPage = new Set((search?.hits ?? []).map((h) => h.page));
  const current = search?.hits[search.index];

  return (
    <div className={styles.viewer}>
      <div className={styles.toolbar}>
        {toolbarStart}
        <div className={styles.group} role="group" aria-label={t('viewer.pages')}>
          <Button
            icon={<ChevronLeftRegular />}
            aria-label={t('viewer.previousPage')}
            disabledFocusable={pageNumber <= 1}
            onClick={() => goTo(pageNumber - 1)}
          />
          <Input
            className={styles.pageInput}
            type="number"
            min={1}
            max={total}
            value={pageText}
            aria-label={t('viewer.pageNumber')}
            onChange={(_, d) => setPageText(d.value)}
            onBlur={() => goTo(Number(pageText) || pageNumber)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') goTo(Number(pageText) || pageNumber);
            }}
          />
          <Text className={styles.muted}>{t('viewer.ofPages', { count: total })}</Text>
          <Button
            icon={<ChevronRightRegular />}
            aria-label={t('viewer.nextPage')}
            disabledFocusable={pageNumber >= total}
            onClick={() => goTo(pageNumber + 1)}
          />
        </div>
        <div className={styles.group} role="group" aria-label={t('viewer.zoom')}>
          <Button
            icon={<ZoomOutRegular />}
            aria-label={t('viewer.zoomOut')}
            disabledFocusable={percent <= (ZOOM_LEVELS[0] ?? 50)}
            onClick={() => setZoom(stepZoom(percent, -1))}
          />
          <ZoomSelect zoom={zoom} percent={percent} onZoom={setZoom} />
          <Button
            icon={<ZoomInRegular />}
            aria-label={t('viewer.zoomIn')}
            disabledFocusable={percent >= (ZOOM_LEVELS[ZOOM_LEVELS.length - 1] ?? 200)}
            onClick={() => setZoom(stepZoom(percent, 1))}
          />
        </div>
        <div className={styles.group} role="search" aria-label={t('viewer.search')}>
          <SearchBox
            className={styles.search}
            value={query}
            placeholder={t('viewer.searchPlaceholder')}
            aria-label={t('viewer.search')}
            onChange={(_, d) => {
              setQuery(d.value);
              if (d.value === '') {
                searchRun.current++;
                setSearch(null);
                setSearching(false);
              }
            }}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              if (search && search.term === query.trim()) stepHit(event.shiftKey ? -1 : 1);
              else void runSearch(query.trim());
            }}
          />
          <Button
            icon={<ArrowUpRegular />}
            aria-label={t('viewer.previousHit')}
            disabledFocusable={!search || search.hits.length === 0}
            onClick={() => stepHit(-1)}
          />
          <Button
            icon={<ArrowDownRegular />}
            aria-label={t('viewer.nextHit')}
            disabledFocusable={!search || search.hits.length === 0}
            onClick={() => stepHit(1)}
          />
          <Text className={styles.muted} aria-live="polite">
            {searching
              ? t('viewer.searching')
              : search
                ? search.hits.length === 0
                  ? t('viewer.noHits')
                  : t('viewer.hit', { n: search.index + 1, count: search.hits.length })
                : ''}
          </Text>
        </div>
      </div>
      <div className={styles.body}>
        <nav className={styles.thumbnails} aria-label={t('viewer.thumbnails')}>
          <ol className={styles.thumbList}>
            {Array.from({ length: total }, (_, i) => i + 1).map((n) => (
              <li key={n}>
                <button
                  type="button"
                  className={mergeClasses(styles.thumbButton, n === pageNumber && styles.thumbCurrent)}
                  aria-current={n === pageNumber ? 'page' : undefined}
                  aria-label={hitsOnPage.has(n) ? t('viewer.thumbnailWithHits', { n }) : t('viewer.thumbnail', { n })}
                  onClick={() => goTo(n)}
                >
                  <PdfThumbnail doc={doc} pageNumber={n} width={THUMBNAIL_WIDTH} label={null} />
                  <span aria-hidden>
                    {n}
                    {hitsOnPage.has(n) ? <span className={styles.hitMark}> ●</span> : null}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <div id={stageId} ref={stage} className={styles.stage} role="region" aria-label={t('viewer.stage')} tabIndex={0}>
          {page ? (
            <PdfPage page={page} scale={scale} label={t('viewer.pageImage', { n: pageNumber, count: total, title })}>
              {(search?.hits ?? [])
                .filter((hit) => hit.page === pageNumber)
                .flatMap((hit) =>
                  hit.rects.map((rect, i) => {
                    const r = scaleRect(rect, scale);
                    const isCurrent = hit === current;
                    return (
                      <div
                        key={`${search?.hits.indexOf(hit) ?? 0}-${i}`}
                        ref={isCurrent && i === 0 ? currentHit : undefined}
                        className={mergeClasses(styles.hit, isCurrent && styles.currentHit)}
                        style={{ left: r.x, top: r.y, width: r.width, height: r.height }}
                        aria-hidden
                      />
                    );
                  }),
                )}
            </PdfPage>
          ) : (
            <Spinner size="small" label={t('viewer.loadingPage')} />
          )}
        </div>
      </div>
    </div>
  );
}

/** The zoom as a list: page width (the start), or a fixed percentage. */
export function ZoomSelect({ zoom, percent, onZoom }: { zoom: Zoom; percent: number; onZoom: (zoom: Zoom) => void }) {
  const { t } = useTranslation();
  return (
    <Select value={String(zoom)} aria-label={t('viewer.zoom')} onChange={(_, d) => onZoom(d.value === 'fit' ? 'fit' : Number(d.value))}>
      <option value="fit">{t('viewer.fit', { percent })}</option>
      {ZOOM_LEVELS.map((z) => (
        <option key={z} value={z}>
          {z} %
        </option>
      ))}
    </Select>
  );
}
