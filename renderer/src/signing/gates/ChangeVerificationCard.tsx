import { Button, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases/case-schemas.js';
import {
  CHANNEL_LABELS,
  isAwaitingDecision,
  SECOND_CHANNEL_METHOD_LABELS,
  SECOND_CHANNEL_METHODS,
  SECOND_CHANNEL_OUTCOME_LABELS,
  SECOND_CHANNEL_OUTCOMES,
  type SecondChannelMethod,
  type SecondChannelOutcome,
} from '../../../../shared/cases/cases.js';
import { useApi } from '../../api/context.js';
import { Card } from '../../ui/Card.js';
import { NoticeBar, type Notice } from '../../ui/Notice.js';
import { formatDate } from '../../ui/format.js';

const useStyles = makeStyles({
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

/**
 * §9: a correction asked through Mijn Alliantie (or a channel marked so) is verified through a
 * second channel before the change is carried out; the handler records how, and the outcome.
 */
export function ChangeVerificationCard({ detail, mayWork, onReload }: { detail: CaseDetail; mayWork: boolean; onReload: () => Promise<void> }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const [method, setMethod] = useState<SecondChannelMethod>('terugbellen');
  const [outcome, setOutcome] = useState<SecondChannelOutcome>('bevestigd');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const verification = detail.changeVerification;
  if (!verification.required && !verification.recorded) return null;
  const recorded = verification.recorded;

  async function save() {
    setBusy(true);
    const result = await api.call('case.verifyChange', { caseId: detail.id, method, outcome });
    setBusy(false);
    if (result.ok) {
      setNotice({ intent: 'success', text: t('gates.change.recorded') });
      await onReload();
    } else setNotice({ intent: 'error', error: result.error });
  }

  return (
    <Card headingId="overview-change-verification" title={t('gates.change.title')}>
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      <p className={styles.muted}>{t('gates.change.intro', { channel: CHANNEL_LABELS[detail.channel] })}</p>
      <p className={styles.muted}>
        {recorded
          ? t('gates.change.by', {
              outcome: SECOND_CHANNEL_OUTCOME_LABELS[recorded.outcome],
              method: SECOND_CHANNEL_METHOD_LABELS[recorded.method].toLowerCase(),
              name: recorded.verifiedByName ?? '—',
              date: formatDate(recorded.verifiedAt),
            })
          : t('gates.change.none')}
      </p>
      {mayWork && isAwaitingDecision(detail.status) && detail.status !== 'ter_ondertekening' ? (
        <div className={styles.form}>
          <Field label={t('gates.change.method')}>
            <Select value={method} onChange={(_, d) => setMethod(d.value as SecondChannelMethod)}>
              {SECOND_CHANNEL_METHODS.map((m) => (
                <option key={m} value={m}>
                  {SECOND_CHANNEL_METHOD_LABELS[m]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('gates.change.outcome')}>
            <Select value={outcome} onChange={(_, d) => setOutcome(d.value as SecondChannelOutcome)}>
              {SECOND_CHANNEL_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {SECOND_CHANNEL_OUTCOME_LABELS[o]}
                </option>
              ))}
            </Select>
          </Field>
          <Button disabledFocusable={busy} onClick={() => void save()}>
            {t('gates.change.record')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
