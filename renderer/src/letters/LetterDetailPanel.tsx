import {
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DismissRegular, MailCheckmarkRegular, PrintRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dutchToday, type CaseStatus } from '../../../shared/cases/cases.js';
import { isDecisionKind, LETTER_KIND_LABELS } from '../../../shared/letters/types.js';
import { useApi } from '../api/context.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { CallDialog } from '../ui/FormDialog.js';
import { ErrorBar } from '../ui/Notice.js';
import { useLoaded } from '../ui/useLoaded.js';
import { useSubmission } from '../ui/useSubmission.js';
import { formatDateTime, formatDay } from '../ui/format.js';
import { isDesktop, printOrOpenPdf, saveFile } from '../ui/downloads.js';
import { LetterEditor } from './LetterEditor.js';
import { LetterPreview } from './LetterPreview.js';
import { LetterStatusBadge } from './LetterStatusBadge.js';
import { LetterTextView } from './LetterTextView.js';
import { pdfFileName, type LetterTextInput } from './letterTypes.js';
import type { ProcedureOutput } from '../../../shared/api/contract.js';

type LetterDetail = ProcedureOutput<'letter.get'>;
import { reviewColumn, reviewColumns, sectionHeading, subHeading, wrappingActionRow } from '../ui/styles.js';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  heading: { ...sectionHeading, flexGrow: 1 },
  columns: reviewColumns,
  column: reviewColumn,
  // The PDF stays in view while the text beside it scrolls.
  sticky: { position: 'sticky', top: tokens.spacingVerticalS },
  subheading: subHeading,
  actions: wrappingActionRow,
  problems: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
});

interface LetterDetailProps {
  letterId: string;
  /** The letter's state as the list last saw it: a change (signed, returned elsewhere) reloads the panel. */
  version: string;
  /** The assigned handler: may edit, submit, discard and mark sent. */
  canDraft: boolean;
  caseStatus: CaseStatus;
  /** Open the send confirmation as soon as the signed letter is shown (the task "send" was chosen). */
  startSending?: boolean;
  onSendShown?: (() => void) | undefined;
  /** The letter changed: the list and the case (its status) reload. */
  onChanged: (message: string) => void;
  onClose: () => void;
}

/**
 * One letter of the case: the concept's text in the editor next to its PDF, or the signed PDF
 * with what comes next (mark as sent, save, print).
 */
export function LetterDetailPanel({ letterId, version, canDraft, caseStatus, startSending = false, onSendShown, onChanged, onClose }: LetterDetailProps) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const card = useCardStyles();
  const { value: letter, error: loadError, reload: load } = useLoaded(useCallback(() => api.call('letter.get', { letterId }), [api, letterId]));
  const { busy, error, setError, submit } = useSubmission();
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void load();
  }, [version, load]);
  // The dialog stays mounted while it closes (so Fluent gives the page back and restores focus); `shown` counts openings so each starts afresh.
  const [dialog, setDialog] = useState<{ open: boolean; shown: number } | null>(null);
  const openDialog = () => setDialog((previous) => ({ open: true, shown: (previous?.shown ?? 0) + 1 }));
  const closeDialog = () => setDialog((previous) => (previous ? { ...previous, open: false } : null));
  const sent = () => {
    closeDialog();
    void load();
    onChanged(t('letters.done.sent'));
  };
  const readyToSend = canDraft && letter?.status === 'ondertekend';
  useEffect(() => {
    if (!startSending || !readyToSend) return;
    onSendShown?.();
    setDialog({ open: true, shown: 1 });
  }, [startSending, readyToSend, onSendShown]);
  // Discarding asks inline: the panel closes after it, which would cut a modal dialog short.
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  if (!letter) {
    return (
      <section className={card.card} aria-label={t('letters.detail.loading')}>
        {loadError ? <ErrorBar error={loadError} /> : <Spinner size="small" label={t('letters.detail.loading')} />}
      </section>
    );
  }

  const kindLabel = LETTER_KIND_LABELS[letter.kind];
  const editable = canDraft && letter.status === 'concept';
  const signed = letter.status === 'ondertekend' || letter.status === 'verzonden';
  const fileName = pdfFileName(letter);

  async function save(text: LetterTextInput): Promise<boolean> {
    const result = await submit(() => api.call('letter.updateText', { letterId, ...text }));
    if (result.ok) {
      await load();
      return true;
    }
    return false;
  }

  async function submitForSigning() {
    const result = await submit(() => api.call('letter.submit', { letterId }));
    if (result.ok) {
      await load();
      onChanged(t('letters.done.submitted'));
    }
  }

  const errorBar = error ? <ErrorBar error={error} onDismiss={() => setError(null)} /> : null;

  async function discard() {
    const result = await submit(() => api.call('letter.discard', { letterId }));
    if (result.ok) {
      onChanged(t('letters.done.discarded'));
      onClose();
    }
  }

  return (
    <section className={card.card} aria-labelledby="letter-detail-heading">
      <div className={styles.head}>
        <h2 id="letter-detail-heading" className={styles.heading}>
          {t('letters.detail.label', { kind: kindLabel })}
        </h2>
        <LetterStatusBadge letter={letter} />
        <Button appearance="subtle" icon={<DismissRegular />} aria-label={t('letters.actions.close')} onClick={onClose} />
      </div>
      {letter.status === 'concept' && letter.returnComment ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('letters.returned')}</MessageBarTitle>
            {letter.returnComment}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {letter.problems.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('letters.problemsTitle')}</MessageBarTitle>
            <ul className={styles.problems}>
              {letter.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {editable && isDecisionKind(letter.kind) && caseStatus !== 'kennelijk_ongegrond' ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('letters.decisionNeedsStatus')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {letter.status === 'ter_ondertekening' ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('letters.waiting')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {signed ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t('letters.signedInfo', { name: letter.signedBy ?? t('common.none'), date: letter.signedAt ? formatDateTime(letter.signedAt) : t('common.none') })}
            {letter.sentOn ? ` ${t('letters.sentInfo', { date: formatDay(letter.sentOn) })}` : ''}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {error && !editable ? errorBar : null}
      {signed || !editable ? (
        <div className={styles.actions}>
          {canDraft && letter.status === 'ondertekend' ? (
            <Button appearance="primary" icon={<MailCheckmarkRegular />} disabledFocusable={busy} onClick={openDialog}>
              {t('letters.actions.markSent')}
            </Button>
          ) : null}
          <Button icon={<ArrowDownloadRegular />} onClick={() => saveFile(letter.pdfBase64, fileName, 'application/pdf')}>
            {t('letters.actions.save')}
          </Button>
          <Button icon={<PrintRegular />} onClick={() => void printOrOpenPdf(letter.pdfBase64)}>
            {isDesktop() ? t('letters.actions.printDesktop') : t('letters.actions.print')}
          </Button>
          {busy ? <Spinner size="tiny" /> : null}
        </div>
      ) : null}
      {signed && letter.sha256 ? (
        <Text className={styles.hash}>
          {t('letters.hash')}: {letter.sha256}
        </Text>
      ) : null}
      <div className={styles.columns}>
        <div className={styles.column}>
          <h3 className={styles.subheading}>{t('letters.detail.text')}</h3>
          {editable ? (
            <LetterEditor
              key={letter.id}
              content={letter.content}
              busy={busy}
              onSave={save}
              onSubmit={submitForSigning}
              onDiscard={() => setConfirmDiscard(true)}
              feedback={error ? errorBar : null}
            />
          ) : (
            <LetterTextView content={letter.content} />
          )}
        </div>
        <div className={mergeClasses(styles.column, styles.sticky)}>
          <h3 className={styles.subheading}>{t('letters.detail.preview')}</h3>
          <LetterPreview pdfBase64={letter.pdfBase64} title={kindLabel} />
        </div>
      </div>
      {confirmDiscard ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('letters.discardDialog.title')}</MessageBarTitle>
            {t('letters.discardDialog.text', { kind: kindLabel })}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" autoFocus disabledFocusable={busy} onClick={() => void discard()}>
              {t('letters.discardDialog.submit')}
            </Button>
            <Button onClick={() => setConfirmDiscard(false)}>{t('common.cancel')}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {dialog ? <SentDialog key={dialog.shown} open={dialog.open} letter={letter} onClose={closeDialog} onDone={sent} /> : null}
    </section>
  );
}

/** What is sent is named in the dialog itself: it may open straight from the task, before the letter is looked at. */
function SentDialog({ open, letter, onClose, onDone }: { open: boolean; letter: LetterDetail; onClose: () => void; onDone: () => void }) {
  const { id: letterId, signedAt } = letter;
  const api = useApi();
  const { t } = useTranslation();
  const today = dutchToday(new Date());
  const [sentOn, setSentOn] = useState(today);
  return (
    <CallDialog
      open={open}
      title={t('letters.sentDialog.title')}
      submitLabel={t('letters.sentDialog.submit')}
      onClose={onClose}
      call={() => api.call('letter.markSent', { letterId, sentOn })}
      onDone={onDone}
    >
      <Text weight="semibold">
        {t('letters.sentDialog.what', {
          kind: LETTER_KIND_LABELS[letter.kind],
          reference: letter.caseReference,
          addressee: letter.content.addressee.name,
          count: letter.pages,
          name: letter.signedBy ?? t('common.none'),
          date: signedAt ? formatDateTime(signedAt) : t('common.none'),
        })}
      </Text>
      <Text>{t('letters.sentDialog.text')}</Text>
      <Field label={t('letters.sentDialog.date')} required>
        <Input
          type="date"
          value={sentOn}
          max={today}
          min={signedAt ? dutchToday(new Date(signedAt)) : undefined}
          autoFocus
          onChange={(_, d) => setSentOn(d.value)}
        />
      </Field>
    </CallDialog>
  );
}
