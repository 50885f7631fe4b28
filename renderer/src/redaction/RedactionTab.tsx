import { Field, makeStyles, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/cases/case-schemas.js';
import { mustRedact } from '../../../shared/dossier/dossier.js';
import { useApi } from '../api/context.js';
import { useSession } from '../api/session.js';
import { Card } from '../ui/Card.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { useTableStyles } from '../ui/tableStyles.js';
import type { Rect } from '../ui/pdf/geometry.js';
import { isAssignedHandler } from '../cases/access.js';
import type { DocumentFocus } from '../dossier/DossierTab.js';
import { documentTree, useDocuments, useThirdParties } from '../dossier/useDossier.js';
import { DocumentReview } from './DocumentReview.js';
import { mergeSuggestions, nextBoxId, toRedactions, type ReviewBox, type Work } from './model.js';
import { RedactionResult } from './RedactionResult.js';
import { SearchAllResults, type SearchAllResult } from './SearchAllResults.js';
import { SearchOptions, type SearchChoice } from './SearchOptions.js';
import { useWorkerJob } from './workerJob.js';
import { introText } from '../ui/styles.js';

const useStyles = makeStyles({ intro: introText, choose: { maxWidth: '560px' } });

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
  const table = useTableStyles();
  const optionsId = useId();
  const canWork = isAssignedHandler(staff, detail.handlerId);
  const documents = useDocuments(detail.id);
  const parties = useThirdParties(detail.id);
  const [choice, setChoice] = useState<SearchChoice | null>(null);
  const [work, setWork] = useState<Work | null>(null);
  const [busy, setBusy] = useState<'suggest' | 'searchAll' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [searchAll, setSearchAll] = useState<{ terms: string[]; results: SearchAllResult } | null>(null);
  const [showResult, setShowResult] = useState(false);
  const autoSuggest = useRef(false);
  const { job, setJob, follow, cancel, live } = useWorkerJob(
    (jobId) => api.call('redaction.status', { jobId }),
    (ended) => {
      if (ended.state !== 'done') return;
      void Promise.all([documents.reload(), parties.reload(), onReload()]).then(() => {
        if (live.current) setShowResult(true);
      });
    },
    (error) => setNotice({ intent: 'error', error }),
  );

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
        const first = result.value.suggestions[0];
        return {
          ...base,
          geometry,
          boxes: mergeSuggestions(base.boxes, result.value.suggestions),
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
    setNotice(null);
    setShowResult(false);
    const result = await api.call('redaction.start', {
      caseId: detail.id,
      documentId: chosen.id,
      redactions: toRedactions(current.boxes),
      thirdPartyIds: effective.partyIds,
    });
    if (!live.current) return;
    if (result.ok) follow(result.value.jobId);
    else setNotice({ intent: 'error', error: result.error });
  }

  const running = job?.state === 'running';

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
      <Card headingId={optionsId} title={t('redaction.options.title')}>
        <SearchOptions
          parties={partyList}
          documentId={documentId}
          value={effective}
          onChange={setChoice}
          busy={busy}
          onSuggest={chosen && !running ? () => void suggest(chosen.id, effective) : null}
          onSearchAll={() => void runSearchAll()}
        />
      </Card>
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {searchAll ? <SearchAllResults terms={searchAll.terms} results={searchAll.results} running={running} onOpen={openFromSearch} /> : null}
      {chosen && showResult && job?.state === 'done' && job.result ? (
        <RedactionResult
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
        <DocumentReview
          caseId={detail.id}
          document={chosen}
          work={current}
          job={job}
          onChange={update}
          onAdd={addBox}
          onRead={() => void suggest(chosen.id, effective)}
          onApply={() => void apply()}
          onCancel={() => void cancel()}
        />
      ) : null}
    </>
  );
}
