import { Button, Link, makeStyles, Spinner, TableCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { ArchiveRegular, ArrowClockwiseRegular, DocumentAddRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/cases/case-schemas.js';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import type { ApiError } from '../../../shared/api/result.js';
import { LETTER_KIND_LABELS } from '../../../shared/letters/types.js';
import { useApi } from '../api/context.js';
import { useSession } from '../api/session.js';
import { DataTable } from '../ui/DataTable.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { useTableStyles } from '../ui/tableStyles.js';
import { useSubmission } from '../ui/useSubmission.js';
import { formatDate, formatDay } from '../ui/format.js';
import { isAssignedHandler } from '../cases/access.js';
import { saveFile } from '../ui/downloads.js';
import { LetterDetailPanel } from './LetterDetailPanel.js';
import { LetterStatusBadge } from './LetterStatusBadge.js';
import { LetterWatch } from './letterWatch.js';
import { draftableKinds, hasPackage, type LetterKindInfo, type LetterSummary } from './letterTypes.js';
import { NewLetter } from './NewLetter.js';

type AccessPackage = ProcedureOutput<'package.build'>;

/** What the list knows of a letter's state: when it changes, the opened letter is read again. */
function versionOf(letter: LetterSummary | undefined): string {
  return letter ? [letter.status, letter.submittedAt, letter.signedAt, letter.sentOn, letter.returnComment].join('|') : '';
}

const useStyles = makeStyles({
  kind: { textAlign: 'start' },
  by: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/**
 * Brieven: the letters of the case with their state, a new letter from the kinds that fit the case
 * now, one letter opened (editor and PDF, or the signed PDF), and for inzage and dataportabiliteit
 * the package once the decision is signed.
 */
export function LettersTab({
  detail,
  onReload,
  sendSigned = false,
  onSendShown,
}: {
  detail: CaseDetail;
  onReload: () => Promise<void>;
  /** Opened for the task "send the signed letter": its send confirmation opens with it. */
  sendSigned?: boolean;
  onSendShown?: () => void;
}) {
  const api = useApi();
  const { staff } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const [letters, setLetters] = useState<LetterSummary[] | null>(null);
  const [kinds, setKinds] = useState<LetterKindInfo[]>([]);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [built, setBuilt] = useState<AccessPackage | null>(null);
  const packaging = useSubmission();
  const canDraft = isAssignedHandler(staff, detail.handlerId);

  const watch = useMemo(() => new LetterWatch(api, detail.id), [api, detail.id]);
  const fetchLetters = useCallback(async () => {
    const [list, kindList] = await Promise.all([api.call('letter.list', { caseId: detail.id }), api.call('letter.kinds', {})]);
    if (list.ok) setLetters(list.value);
    if (kindList.ok) setKinds(kindList.value);
    const failed = !list.ok ? list.error : !kindList.ok ? kindList.error : null;
    setLoadError(failed);
  }, [api, detail.id]);
  // The stamp first: a change between the two reads shows at the next check instead of being missed.
  const load = useCallback(async () => {
    await watch.changed();
    await fetchLetters();
  }, [watch, fetchLetters]);

  useEffect(() => {
    void load();
  }, [load]);

  // The signer works elsewhere: the list follows on its own (on coming back to the window, and every
  // half minute) so nobody has to press Vernieuwen to see a letter signed or returned. Only the
  // unaudited stamp is asked for; the letters themselves only when it moved.
  useEffect(() => {
    const refetch = () => void fetchLetters();
    const stop = watch.poll(() => document.visibilityState === 'visible', refetch);
    const onFocus = () => void watch.check(refetch);
    window.addEventListener('focus', onFocus);
    return () => {
      stop();
      window.removeEventListener('focus', onFocus);
    };
  }, [watch, fetchLetters]);

  // Opening Brieven opens what there is to do: the letter that waits for the handler (a concept, or a
  // signed letter to send), or, with no letters yet, the form for a new one.
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (opened || letters === null || kinds.length === 0) return;
    setOpened(true);
    if (!canDraft) return;
    const next = letters.find((l) => l.status === 'ondertekend') ?? letters.find((l) => l.status === 'concept');
    if (next) setSelected(next.id);
    else if (letters.length === 0 && draftableKinds(kinds, detail, letters).length > 0) setCreating(true);
  }, [opened, letters, kinds, canDraft, detail]);

  const changed = (message: string) => {
    setNotice({ intent: 'success', text: message });
    void load();
    void onReload();
  };

  const available = letters ? draftableKinds(kinds, detail, letters) : [];
  const decisionKind = detail.type === 'inzage' ? 'besluit-inzage' : 'besluit-dataportabiliteit';
  const decisionSigned = (letters ?? []).some((l) => l.kind === decisionKind && (l.status === 'ondertekend' || l.status === 'verzonden'));

  async function buildPackage() {
    setNotice(null);
    const result = await packaging.submit(() => api.call('package.build', { caseId: detail.id }));
    if (!result.ok) return;
    setBuilt(result.value);
    saveFile(result.value.zipBase64, result.value.fileName, 'application/zip');
    setNotice({ intent: 'success', text: t('letters.done.package', { fileName: result.value.fileName, count: result.value.files.length }) });
  }

  return (
    <>
      <Text as="p" block className={table.muted} style={{ margin: 0 }}>
        {t('letters.intro')}
      </Text>
      <div className={table.toolbar}>
        {canDraft && available.length > 0 ? (
          <Button
            appearance="primary"
            icon={<DocumentAddRegular />}
            disabledFocusable={creating}
            onClick={() => {
              setCreating(true);
              setSelected(null);
              setNotice(null);
            }}
          >
            {t('letters.actions.new')}
          </Button>
        ) : null}
        {canDraft && hasPackage(detail) && decisionSigned ? (
          <Button icon={<ArchiveRegular />} disabledFocusable={packaging.busy} onClick={() => void buildPackage()}>
            {detail.type === 'inzage' ? t('letters.actions.package') : t('letters.actions.packagePortability')}
          </Button>
        ) : null}
        <Button icon={<ArrowClockwiseRegular />} onClick={() => void load()}>
          {t('letters.refresh')}
        </Button>
        <div className={table.spacer} />
        {packaging.busy ? <Spinner size="tiny" label={t('letters.packageBusy')} /> : null}
        {letters === null && !loadError ? <Spinner size="tiny" label={t('letters.loading')} /> : null}
        {letters ? <Text className={table.muted}>{t('letters.count', { count: letters.length })}</Text> : null}
      </div>
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {loadError ? <ErrorBar error={loadError} /> : null}
      {packaging.error ? <ErrorBar error={packaging.error} onDismiss={() => packaging.setError(null)} /> : null}
      {letters ? (
        <DataTable
          label={t('letters.tableLabel')}
          columns={[
            t('letters.columns.kind'),
            t('letters.columns.status'),
            t('letters.columns.drafted'),
            t('letters.columns.signed'),
            t('letters.columns.sent'),
          ]}
          empty={letters.length === 0 && t('letters.empty')}
        >
          {letters.map((letter) => (
            <TableRow key={letter.id} className={letter.id === selected ? styles.selected : undefined}>
              <TableCell>
                <Link
                  as="button"
                  className={styles.kind}
                  aria-current={letter.id === selected ? 'true' : undefined}
                  onClick={() => {
                    setSelected(letter.id);
                    setCreating(false);
                  }}
                >
                  {LETTER_KIND_LABELS[letter.kind]}
                </Link>
                <span className={styles.by}>{letter.subject}</span>
              </TableCell>
              <TableCell>
                <LetterStatusBadge letter={letter} />
              </TableCell>
              <TableCell className={table.nowrap}>
                {letter.draftedBy ?? t('common.none')}
                <span className={styles.by}>{formatDate(letter.draftedAt)}</span>
              </TableCell>
              <TableCell className={table.nowrap}>
                {letter.signedBy ?? t('common.none')}
                {letter.signedAt ? <span className={styles.by}>{formatDate(letter.signedAt)}</span> : null}
              </TableCell>
              <TableCell className={table.nowrap}>{letter.sentOn ? formatDay(letter.sentOn) : t('common.none')}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      ) : null}
      {built ? (
        <DataTable
          label={t('letters.packageFiles', { fileName: built.fileName })}
          columns={[t('letters.packageColumns.path'), t('letters.packageColumns.size'), t('letters.packageColumns.sha256')]}
        >
          {built.files.map((file) => (
            <TableRow key={file.path}>
              <TableCell className={table.nowrap}>{file.path}</TableCell>
              <TableCell className={table.nowrap}>{t('letters.bytes', { size: file.size.toLocaleString('nl-NL') })}</TableCell>
              <TableCell className={styles.mono} title={file.sha256}>
                {file.sha256.slice(0, 16)}…
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      ) : null}
      {creating ? (
        <NewLetter
          detail={detail}
          kinds={available}
          onCancel={() => setCreating(false)}
          onDrafted={(letter) => {
            setCreating(false);
            setSelected(letter.id);
            changed(t('letters.done.drafted'));
          }}
        />
      ) : null}
      {selected ? (
        <LetterDetailPanel
          key={selected}
          letterId={selected}
          version={versionOf(letters?.find((l) => l.id === selected))}
          canDraft={canDraft}
          caseStatus={detail.status}
          startSending={sendSigned}
          onSendShown={onSendShown}
          onChanged={changed}
          onClose={() => setSelected(null)}
        />
      ) : null}
    </>
  );
}
