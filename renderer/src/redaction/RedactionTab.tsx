import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  TableCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular, DismissRegular, EyeOffRegular, OpenRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/cases/case-schemas.js';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import type { DocumentView } from '../../../shared/dossier/dossier-schemas.js';
import type { ApiError } from '../../../shared/api/result.js';
import { mustRedact } from '../../../shared/dossier/dossier.js';
import { useApi } from '../api/context.js';
import { useSession } from '../api/session.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { DataTable } from '../ui/DataTable.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { useTableStyles } from '../ui/tableStyles.js';
import type { Rect } from '../ui/pdf/geometry.js';
import { useDossierPdf, type PdfVersion } from '../ui/pdf/useDossierPdf.js';
import { isAssignedHandler } from '../cases/access.js';
import type { DocumentFocus } from '../dossier/DossierTab.js';
import { DocumentViewer } from '../dossier/DocumentViewer.js';
import { documentTree, useDocuments, useThirdParties } from '../dossier/useDossier.js';
import { DEFAULT_REASON, nextBoxId, type PageGeometry, type ReviewBox } from './model.js';
import { OcrReader } from './OcrReader.js';
import { RedactionPage } from './RedactionPage.js';
import { ReviewList } from './ReviewList.js';
import { SearchOptions, type SearchChoice } from './SearchOptions.js';
import { introText, sectionHeading } from '../ui/styles.js';

type JobView = ProcedureOutput<'redaction.status'>;
type SearchAllResult = ProcedureOutput<'redaction.searchAll'>;

/** How often a running redaction is asked for its progress. */
const POLL_MS = 400;

const useStyles = makeStyles({
  heading: sectionHeading,
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  intro: introText,
  choose: { maxWidth: '560px' },
  work: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(300px, 380px)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalL,
    alignItems: 'start',
  },
  side: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  apply: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** A document being redacted: its pages' geometry from the backend and the boxes under review. */
interface Work {
  documentId: string;
  geometry: PageGeometry[] | null;
  boxes: ReviewBox[];
  pageIndex: number;
  focusedId: string | null;
}

interface RedactionTabProps {
  detail: CaseDetail;
  /** The document chosen (kept by the case screen, so it survives switching tabs). */
  documentId: string | null;
  onDocument: (documentId: string | null) => void;
  onOpenInViewer: (focus: DocumentFocus) => void;
  onReload: () => Promise<void>;
}

/**
 * Lakken: choose a document, let the backend suggest what to redact (third parties' names, free
 * terms, BSN, IBAN …), review each suggestion, draw boxes of one's own, and apply: the backend
 * writes a new, redacted document in a worker, with progress and a cancel button.
 */
export function RedactionTab({ detail, documentId, onDocument, onOpenInViewer, onReload }: RedactionTabProps) {
  const api = useApi();
  const { staff } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const card = useCardStyles();
  const table = useTableStyles();
  const optionsId = useId();
  const resultsId = useId();
  const reviewId = useId();
  const canWork = isAssignedHandler(staff, detail.handlerId);
  const documents = useDocuments(detail.id);
  const parties = useThirdParties(detail.id);
  const [choice, setChoice] = useState<SearchChoice | null>(null);
  const [work, setWork] = useState<Work | null>(null);
  const [busy, setBusy] = useState<'suggest' | 'searchAll' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [searchAll, setSearchAll] = useState<{ terms: string[]; results: SearchAllResult } | null>(null);
  const [job, setJob] = useState<JobView | null>(null);
  const [showResult, setShowResult] = useState(false);
  const autoSuggest = useRef(false);
  const timer = useRef<number | null>(null);
  const live = useRef(true);

  // Third parties who did not consent or could not be reached are ticked from the start.
  const partyList = parties.value ?? [];
  const effective: SearchChoice = choice ?? {
    partyIds: partyList.filter((p) => mustRedact(p.hearingStatus)).map((p) => p.id),
    terms: [],
    patterns: ['bsn', 'iban', 'phone', 'email'],
    requesterIban: '',
    requesterBsn: '',
  };
  const rows = documentTree(documents.value ?? []);
  const chosen = rows.find((r) => r.document.id === documentId)?.document ?? null;
  const current = work !== null && work.documentId === documentId ? work : null;
  const pdf = useDossierPdf(detail.id, chosen ? chosen.id : null, 'original');

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, []);

  const suggest = useCallback(
    async (id: string, search: SearchChoice | null) => {
      setBusy('suggest');
      setNotice(null);
      const result = await api.call('redaction.suggest', {
        caseId: detail.id,
        documentId: id,
        terms: search?.terms ?? [],
        patterns: search?.patterns ?? [],
        thirdPartyIds: search?.partyIds ?? [],
        requester: {
          ...(search?.requesterIban.trim() ? { iban: search.requesterIban.trim() } : {}),
          ...(search?.requesterBsn.trim() ? { bsn: search.requesterBsn.trim() } : {}),
        },
      });
      if (!live.current) return;
      setBusy(null);
      if (!result.ok) {
        setNotice({ intent: 'error', error: result.error });
        return;
      }
      const geometry = result.value.pages;
      const count = result.value.suggestions.length;
      if (search !== null)
        setNotice({ intent: count > 0 ? 'success' : 'info', text: count > 0 ? t('redaction.found', { count }) : t('redaction.nothingFound') });
      setWork((previous) => {
        const base = previous !== null && previous.documentId === id ? previous : { documentId: id, geometry: null, boxes: [], pageIndex: 0, focusedId: null };
        if (search === null) return { ...base, geometry };
        // New suggestions replace the old ones; a decision and a ground already chosen on the same box stay.
        const keyOf = (b: { page: number; text: string; x: number; y: number }) => `${b.page}:${b.text}:${Math.round(b.x)}:${Math.round(b.y)}`;
        const decided = new Map(base.boxes.filter((b) => b.source !== 'manual').map((b) => [keyOf(b), b]));
        const suggested: ReviewBox[] = result.value.suggestions.map((s) => ({
          id: nextBoxId(),
          page: s.page,
          x: s.x,
          y: s.y,
          width: s.width,
          height: s.height,
          reason: s.reason || DEFAULT_REASON,
          source: s.source,
          text: s.text,
          kind: s.kind,
          whose: s.whose,
          whoseLabel: s.whoseLabel,
          ...(() => {
            const before = decided.get(keyOf(s));
            return before
              ? { reason: before.reason, accepted: before.accepted, undecided: before.undecided }
              : { accepted: s.preAccepted, undecided: !s.preAccepted };
          })(),
        }));
        const first = suggested[0];
        return {
          ...base,
          geometry,
          boxes: [...suggested, ...base.boxes.filter((b) => b.source === 'manual')],
          pageIndex: first ? first.page : base.pageIndex,
          focusedId: null,
        };
      });
    },
    [api, detail.id, partyList, t],
  );

  const chosenFound = chosen !== null;
  // A newly chosen document: its pages' geometry (and, when opened from "search all", its suggestions).
  useEffect(() => {
    if (documentId === null || chosen === null || (work !== null && work.documentId === documentId)) return;
    setWork({ documentId, geometry: null, boxes: [], pageIndex: 0, focusedId: null });
    setJob(null);
    setShowResult(false);
    const withSearch = autoSuggest.current;
    autoSuggest.current = false;
    void suggest(documentId, withSearch ? effective : null);
    // Only when the document changes (or is first found in the list).
  }, [documentId, chosenFound]);

  async function runSearchAll() {
    const chosenParties = partyList.filter((p) => effective.partyIds.includes(p.id));
    const terms = [...new Set(effective.terms)].filter((term) => term.trim().length >= 2).slice(0, 20);
    if (terms.length === 0 && chosenParties.length === 0) {
      setNotice({ intent: 'warning', text: t('redaction.searchAll.noTerms') });
      return;
    }
    setBusy('searchAll');
    setNotice(null);
    const result = await api.call('redaction.searchAll', { caseId: detail.id, terms, thirdPartyIds: chosenParties.map((p) => p.id) });
    if (!live.current) return;
    setBusy(null);
    if (result.ok) setSearchAll({ terms: [...chosenParties.map((p) => p.name), ...terms], results: result.value });
    else setNotice({ intent: 'error', error: result.error });
  }

  const openFromSearch = (id: string) => {
    autoSuggest.current = true;
    if (id === documentId) {
      autoSuggest.current = false;
      void suggest(id, effective);
    } else onDocument(id);
  };

  const update = (change: Partial<Work>) => setWork((previous) => (previous ? { ...previous, ...change } : previous));
  const addBox = (pageIndex: number, box: Rect, reason: string) => {
    const added: ReviewBox = { id: nextBoxId(), page: pageIndex, ...box, reason, source: 'manual', text: '', accepted: true, undecided: false };
    setWork((previous) => (previous ? { ...previous, boxes: [...previous.boxes, added], pageIndex, focusedId: added.id } : previous));
  };

  async function apply() {
    if (!current || !chosen) return;
    const redactions = current.boxes
      .filter((b) => b.accepted && !b.undecided)
      .map((b) => ({
        page: b.page,
        x: b.x,
        y: b.y,
        width: b.width,
        height: b.height,
        reason: b.reason,
        source: b.source,
        text: b.text.slice(0, 500),
        ...(b.kind ? { kind: b.kind } : {}),
      }));
    setNotice(null);
    setShowResult(false);
    const result = await api.call('redaction.start', { caseId: detail.id, documentId: chosen.id, redactions, thirdPartyIds: effective.partyIds });
    if (!live.current) return;
    if (!result.ok) {
      setNotice({ intent: 'error', error: result.error });
      return;
    }
    setJob({ id: result.value.jobId, state: 'running', progress: 0, message: '', result: null, error: null });
    poll(result.value.jobId);
  }

  function poll(jobId: string) {
    timer.current = window.setTimeout(() => {
      void api.call('redaction.status', { jobId }).then(async (result) => {
        if (!live.current) return;
        if (!result.ok) {
          setJob(null);
          setNotice({ intent: 'error', error: result.error });
          return;
        }
        setJob(result.value);
        if (result.value.state === 'running') {
          poll(jobId);
          return;
        }
        if (result.value.state === 'done') {
          await Promise.all([documents.reload(), parties.reload(), onReload()]);
          if (live.current) setShowResult(true);
        }
      });
    }, POLL_MS);
  }

  async function cancel() {
    if (!job) return;
    const result = await api.call('redaction.cancel', { jobId: job.id });
    if (!result.ok && live.current) setNotice({ intent: 'error', error: result.error });
  }

  const running = job?.state === 'running';
  const accepted = current?.boxes.filter((b) => b.accepted && !b.undecided).length ?? 0;
  const undecided = current?.boxes.filter((b) => b.undecided).length ?? 0;
  const annotated = (current?.geometry ?? []).filter((p) => p.annotations > 0);

  // Redacting is the assigned handler's work; anyone else reads the documents on Dossier.
  if (!canWork) {
    return (
      <>
        <Text as="p" block className={styles.intro}>
          {t('redaction.intro')}
        </Text>
        <MessageBar intent="info">
          <MessageBarBody>{t('redaction.readOnly')}</MessageBarBody>
        </MessageBar>
      </>
    );
  }

  return (
    <>
      <Text as="p" block className={styles.intro}>
        {t('redaction.intro')}
      </Text>
      {documents.error ? <ErrorBar error={documents.error} /> : null}
      {parties.error ? <ErrorBar error={parties.error} /> : null}
      <Field label={t('redaction.document')} className={styles.choose}>
        <Select value={documentId ?? ''} disabled={running} onChange={(_, d) => onDocument(d.value === '' ? null : d.value)}>
          <option value="">{t('redaction.chooseDocument')}</option>
          {rows.map(({ document, parent }) => (
            <option key={document.id} value={document.id}>
              {parent ? `↳ ${document.name}` : document.name}
              {document.redacted ? ` (${t('redaction.alreadyRedacted')})` : ''}
            </option>
          ))}
        </Select>
      </Field>
      {documents.value !== null && rows.length === 0 ? <Text className={table.muted}>{t('redaction.noDocuments')}</Text> : null}
      <section className={card.card} aria-labelledby={optionsId}>
        <h2 id={optionsId} className={styles.heading}>
          {t('redaction.options.title')}
        </h2>
        <SearchOptions
          parties={partyList}
          documentId={documentId}
          value={effective}
          onChange={setChoice}
          busy={busy}
          onSuggest={chosen && !running ? () => void suggest(chosen.id, effective) : null}
          onSearchAll={() => void runSearchAll()}
        />
      </section>
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {searchAll ? (
        <section className={card.card} aria-labelledby={resultsId}>
          <h2 id={resultsId} className={styles.heading}>
            {t('redaction.searchAll.title', { terms: searchAll.terms.join(', ') })}
          </h2>
          <DataTable
            label={t('redaction.searchAll.tableLabel')}
            columns={[
              t('redaction.searchAll.document'),
              t('redaction.searchAll.occurrences'),
              t('redaction.searchAll.redacted'),
              t('redaction.searchAll.actions'),
            ]}
          >
            {searchAll.results.map((r) => {
              return (
                <TableRow key={r.documentId}>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>{r.occurrences}</TableCell>
                  <TableCell>
                    {r.occurrences === 0 && !r.redacted
                      ? t('redaction.searchAll.notNeeded')
                      : r.covered
                        ? t('common.yes')
                        : r.redacted && r.readable.length > 0
                          ? t('redaction.searchAll.readable', { texts: r.readable.map((x) => `“${x}”`).join(', ') })
                          : t('common.no')}
                  </TableCell>
                  <TableCell>
                    {r.occurrences > 0 ? (
                      <Button
                        size="small"
                        icon={<EyeOffRegular />}
                        aria-label={t('redaction.searchAll.openFor', { name: r.name })}
                        disabledFocusable={running}
                        onClick={() => openFromSearch(r.documentId)}
                      >
                        {t('redaction.searchAll.open')}
                      </Button>
                    ) : (
                      <span className={table.muted}>{t('redaction.searchAll.none')}</span>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </DataTable>
        </section>
      ) : null}
      {chosen && showResult && job?.state === 'done' && job.result ? (
        <ResultView
          caseId={detail.id}
          document={chosen}
          covered={partyList.filter((p) => job.result?.thirdPartyIds.includes(p.id)).map((p) => p.name)}
          missed={partyList
            .filter((p) => effective.partyIds.includes(p.id) && !job.result?.thirdPartyIds.includes(p.id))
            .map((p) => ({ name: p.name, readable: (job.result?.readable ?? []).filter((r) => r.thirdPartyId === p.id) }))}
          boxes={job.result.boxes}
          onBack={() => setShowResult(false)}
          onOpenInViewer={() => onOpenInViewer({ documentId: chosen.id, version: 'redacted' })}
        />
      ) : null}
      {chosen && !showResult ? (
        <section className={card.card} aria-labelledby={reviewId}>
          <h2 id={reviewId} className={styles.heading}>
            {t('redaction.reviewTitle', { name: chosen.name })}
          </h2>
          {annotated.length > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('redaction.annotations.title')}</MessageBarTitle>
                {t('redaction.annotations.body', { pages: annotated.map((p) => p.page + 1).join(', ') })}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {current?.geometry ? (
            <OcrReader caseId={detail.id} documentId={chosen.id} geometry={current.geometry} onRead={() => void suggest(chosen.id, effective)} />
          ) : null}
          {pdf.error ? <ErrorBar error={pdf.error} /> : null}
          {!pdf.doc || !current?.geometry ? (
            pdf.error ? null : (
              <Spinner size="small" label={t('viewer.loading')} />
            )
          ) : (
            <div className={styles.work}>
              <RedactionPage
                doc={pdf.doc}
                title={chosen.name}
                geometry={current.geometry}
                pageIndex={current.pageIndex}
                onPage={(pageIndex) => update({ pageIndex })}
                boxes={current.boxes}
                focusedId={current.focusedId}
                onToggle={(id) => update({ boxes: current.boxes.map((b) => (b.id === id ? { ...b, accepted: !b.accepted } : b)), focusedId: id })}
                onDraw={(pageIndex, box) => addBox(pageIndex, box, DEFAULT_REASON)}
              />
              <div className={styles.side}>
                <h3 className={styles.subheading}>{t('redaction.review.title')}</h3>
                <ReviewList
                  boxes={current.boxes}
                  geometry={current.geometry}
                  focusedId={current.focusedId}
                  pageIndex={current.pageIndex}
                  onChange={(boxes) => update({ boxes })}
                  onFocus={(box) => update({ pageIndex: box.page, focusedId: box.id })}
                  onAdd={addBox}
                />
              </div>
            </div>
          )}
          <div className={styles.apply}>
            {job && job.state !== 'done' ? <JobProgress job={job} onCancel={() => void cancel()} /> : null}
            <div className={styles.row}>
              <Button
                appearance="primary"
                icon={<EyeOffRegular />}
                disabledFocusable={running || accepted === 0 || undecided > 0 || !current?.geometry}
                onClick={() => void apply()}
              >
                {t('redaction.apply', { count: accepted })}
              </Button>
              <Text size={200} className={table.muted}>
                {undecided > 0 ? t('redaction.chooseOwnFirst', { count: undecided }) : t('redaction.applyHint')}
              </Text>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}

/** The job's error as the error bar shows it (the schema's optional fields may be undefined). */
function toApiError(error: NonNullable<JobView['error']>): ApiError {
  return {
    code: error.code,
    message: error.message,
    ...(error.details ? { details: error.details } : {}),
    ...(error.correlationId ? { correlationId: error.correlationId } : {}),
  };
}

function JobProgress({ job, onCancel }: { job: JobView; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (job.state === 'failed') return job.error ? <ErrorBar error={toApiError(job.error)} title={t('redaction.job.failed')} /> : null;
  if (job.state === 'cancelled') {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('redaction.job.cancelled')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.row}>
      <Field
        label={t('redaction.job.running', { percent: Math.round(job.progress * 100) })}
        hint={job.message || t('redaction.job.starting')}
        style={{ flexGrow: 1, maxWidth: '560px' }}
      >
        <ProgressBar value={job.progress} thickness="large" />
      </Field>
      <Button icon={<DismissRegular />} onClick={onCancel}>
        {t('redaction.job.cancel')}
      </Button>
    </div>
  );
}

interface ResultViewProps {
  caseId: string;
  document: DocumentView;
  covered: string[];
  missed: { name: string; readable: { page: number; text: string }[] }[];
  boxes: number;
  onBack: () => void;
  onOpenInViewer: () => void;
}

/** The redaction is done: what it covered, and the new version in the viewer. */
function ResultView({ caseId, document, covered, missed, boxes, onBack, onOpenInViewer }: ResultViewProps) {
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
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('redaction.result.done', { count: boxes })}</MessageBarTitle>
          {covered.length > 0 ? t('redaction.result.covered', { names: covered.join(', ') }) : t('redaction.result.noneCovered')}
        </MessageBarBody>
      </MessageBar>
      {missed.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('redaction.result.missedTitle')}</MessageBarTitle>
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
          </MessageBarBody>
        </MessageBar>
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
