import {
  Badge,
  Button,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  TableCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowDownloadRegular, ArrowUndoRegular, DismissRegular, SignatureRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/result.js';
import { LETTER_KIND_LABELS } from '../../../shared/letters/types.js';
import { useApi } from '../api/context.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { DataTable } from '../ui/DataTable.js';
import { CallDialog } from '../ui/FormDialog.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { Page, Section } from '../ui/Page.js';
import { useTableStyles } from '../ui/tableStyles.js';
import { useDialog, type DialogControl } from '../ui/useDialog.js';
import { useLoaded } from '../ui/useLoaded.js';
import { formatDateTime } from '../ui/format.js';
import { saveFile } from '../ui/downloads.js';
import { LetterPreview } from '../letters/LetterPreview.js';
import { LetterTextView } from '../letters/LetterTextView.js';
import { pdfFileName, type LetterDetail } from '../letters/letterTypes.js';
import { SignDialog, type Signed } from './SignDialog.js';
import { SignerProfileCard } from './SignerProfileCard.js';
import { shortcutProps, SHORTCUTS, useShortcut } from '../ui/shortcuts.js';
import { reviewColumn, reviewColumns, sectionHeading, subHeading, wrappingActionRow } from '../ui/styles.js';

const useStyles = makeStyles({
  by: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  head: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  heading: { ...sectionHeading, flexGrow: 1 },
  subheading: subHeading,
  columns: reviewColumns,
  column: reviewColumn,
  actions: wrappingActionRow,
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

/**
 * Ondertekenen: the letters handlers submitted, for a tekenbevoegde to review (the PDF and its
 * text) and sign with the organisation's certificate, or send back with a comment. A letter the
 * signer wrote or edited stays with them unsigned (four-eyes): the screen says why.
 */
export function SigningScreen({ initialLetterId = null }: { initialLetterId?: string | null }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const { value: queue, error, reload: load } = useLoaded(useCallback(() => api.call('letter.queueForSigning', {}), [api]));
  const [selected, setSelected] = useState<string | null>(initialLetterId);
  const [notice, setNotice] = useState<Notice | null>(null);

  return (
    <Page title={t('signing.title')} intro={t('signing.intro')}>
      <Section title={t('signing.queueTitle')} id="signing-queue">
        <div className={table.toolbar}>
          <Button icon={<ArrowClockwiseRegular />} onClick={() => void load()}>
            {t('signing.refresh')}
          </Button>
          <div className={table.spacer} />
          {queue === null && !error ? <Spinner size="tiny" label={t('signing.loading')} /> : null}
          {queue ? <Text className={table.muted}>{t('signing.count', { count: queue.length })}</Text> : null}
        </div>
        <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
        {error ? <ErrorBar error={error} /> : null}
        {queue ? (
          <DataTable
            label={t('signing.tableLabel')}
            columns={[
              t('signing.columns.letter'),
              t('signing.columns.reference'),
              t('signing.columns.drafted'),
              t('signing.columns.submitted'),
              t('signing.columns.mine'),
            ]}
            empty={queue.length === 0 && t('signing.empty')}
          >
            {queue.map((letter) => (
              <TableRow key={letter.id} className={letter.id === selected ? styles.selected : undefined}>
                <TableCell>
                  <Link as="button" aria-current={letter.id === selected ? 'true' : undefined} onClick={() => setSelected(letter.id)}>
                    {LETTER_KIND_LABELS[letter.kind]}
                  </Link>
                  <span className={styles.by}>{letter.subject}</span>
                </TableCell>
                <TableCell className={table.nowrap}>{letter.caseReference}</TableCell>
                <TableCell className={table.nowrap}>{letter.draftedBy ?? t('common.none')}</TableCell>
                <TableCell className={table.nowrap}>{letter.submittedAt ? formatDateTime(letter.submittedAt) : t('common.none')}</TableCell>
                <TableCell>
                  {letter.maySign ? (
                    <Badge appearance="tint" color="brand" shape="rounded">
                      {t('signing.maySign')}
                    </Badge>
                  ) : (
                    <Badge appearance="tint" color="warning" shape="rounded">
                      {t('signing.ownLetter')}
                    </Badge>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        ) : null}
      </Section>
      {selected ? (
        <ReviewPanel
          key={selected}
          letterId={selected}
          onClose={() => setSelected(null)}
          onDone={(message) => {
            setNotice({ intent: 'success', text: message });
            void load();
          }}
        />
      ) : null}
      <SignerProfileCard />
    </Page>
  );
}

interface ReviewPanelProps {
  letterId: string;
  onClose: () => void;
  /** Signed or sent back: the queue reloads. */
  onDone: (message: string) => void;
}

/** One submitted letter: its PDF and text, and Ondertekenen or Terugsturen. */
function ReviewPanel({ letterId, onClose, onDone }: ReviewPanelProps) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const card = useCardStyles();
  const reasonId = useId();
  const [letter, setLetter] = useState<LetterDetail | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [signed, setSigned] = useState<Signed | null>(null);
  const returning = useDialog();
  const [returned, setReturned] = useState(false);
  const signing = useDialog();
  const startSigning = () => signing.show(true);
  const maySignNow = letter !== null && letter.maySign && signed === null && !returned && letter.status === 'ter_ondertekening' && !signing.state?.open;
  useShortcut(SHORTCUTS.sign, maySignNow ? startSigning : null);

  useEffect(() => {
    let live = true;
    void api.call('letter.get', { letterId }).then((result) => {
      if (!live) return;
      if (result.ok) setLetter(result.value);
      else setLoadError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api, letterId]);

  if (!letter) {
    return (
      <section className={card.card} aria-label={t('signing.review.loading')}>
        {loadError ? <ErrorBar error={loadError} /> : <Spinner size="small" label={t('signing.review.loading')} />}
      </section>
    );
  }

  const kindLabel = LETTER_KIND_LABELS[letter.kind];
  const open = signed === null && !returned && letter.status === 'ter_ondertekening';

  const detail = letter;

  return (
    <section className={card.card} aria-labelledby="review-heading">
      <div className={styles.head}>
        <h2 id="review-heading" className={styles.heading}>
          {t('signing.review.title', { kind: kindLabel, reference: letter.caseReference })}
        </h2>
        <Button appearance="subtle" icon={<DismissRegular />} aria-label={t('signing.review.close')} onClick={onClose} />
      </div>
      <Text>
        {t('signing.review.drafted', {
          name: letter.draftedBy ?? t('common.none'),
          date: letter.submittedAt ? formatDateTime(letter.submittedAt) : t('common.none'),
        })}
      </Text>
      {open && !letter.maySign ? (
        <MessageBar intent="warning" layout="multiline" id={reasonId}>
          <MessageBarBody>
            <MessageBarTitle>{t('signing.review.fourEyesTitle')}</MessageBarTitle>
            {t('signing.review.fourEyes')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {returned ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('signing.review.returnedInfo')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {signed ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('signing.review.signedTitle')}</MessageBarTitle>
            {t('signing.review.signedText', { date: formatDateTime(signed.signedAt) })}
            <div className={styles.hash}>SHA-256: {signed.sha256}</div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        {open ? (
          <>
            <Button
              appearance="primary"
              icon={<SignatureRegular />}
              disabledFocusable={!letter.maySign}
              aria-describedby={letter.maySign ? undefined : reasonId}
              {...shortcutProps(t('signing.review.sign'), SHORTCUTS.sign)}
              onClick={startSigning}
            >
              {t('signing.review.sign')}
            </Button>
            <Button
              icon={<ArrowUndoRegular />}
              disabledFocusable={!letter.maySign}
              aria-describedby={letter.maySign ? undefined : reasonId}
              onClick={() => returning.show(true)}
            >
              {t('signing.review.return')}
            </Button>
          </>
        ) : null}
        {signed ? (
          <Button
            icon={<ArrowDownloadRegular />}
            onClick={() => saveFile(signed.pdfBase64, pdfFileName({ ...letter, status: 'ondertekend' }), 'application/pdf')}
          >
            {t('letters.actions.save')}
          </Button>
        ) : null}
      </div>
      <div className={styles.columns}>
        <div className={styles.column}>
          <h3 className={styles.subheading}>{t('letters.detail.preview')}</h3>
          <LetterPreview pdfBase64={signed?.pdfBase64 ?? letter.pdfBase64} title={kindLabel} />
        </div>
        <div className={styles.column}>
          <h3 className={styles.subheading}>{t('letters.detail.text')}</h3>
          <LetterTextView content={letter.content} />
        </div>
      </div>
      {signing.state ? (
        <SignDialog
          key={signing.state.shown}
          letter={detail}
          {...signing.control((value: Signed) => {
            setSigned(value);
            onDone(t('signing.review.signed', { kind: kindLabel, reference: detail.caseReference }));
          })}
        />
      ) : null}
      {returning.state ? (
        <ReturnDialog
          key={returning.state.shown}
          letterId={letterId}
          {...returning.control(() => {
            setReturned(true);
            onDone(t('signing.review.returned', { kind: kindLabel, reference: letter.caseReference }));
          })}
        />
      ) : null}
    </section>
  );
}

function ReturnDialog({ letterId, ...control }: { letterId: string } & DialogControl) {
  const api = useApi();
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  return (
    <CallDialog
      {...control}
      title={t('signing.returnDialog.title')}
      submitLabel={t('signing.returnDialog.submit')}
      call={() => api.call('letter.return', { letterId, comment })}
    >
      <Text>{t('signing.returnDialog.text')}</Text>
      <Field label={t('signing.returnDialog.comment')} required>
        <Textarea value={comment} autoFocus resize="vertical" rows={4} onChange={(_, d) => setComment(d.value)} />
      </Field>
    </CallDialog>
  );
}
