import { Button, Checkbox, Field, Input, Select, Spinner } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/result.js';
import { REQUEST_TYPES, type RequestType, type Term } from '../../../shared/deadlines/deadlines.js';
import { DEADLINE_BOUNDS, termText } from '../../../shared/deadlines/terms.js';
import { useApi } from '../api/context.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { useSubmission } from '../ui/useSubmission.js';
import { RetentionSettings } from './RetentionSettings.js';
import { useSettingsStyles } from './settingsStyles.js';

type Unit = 'weeks' | 'months';
type Draft = Record<RequestType, { amount: string; unit: Unit }>;

function draftOf(terms: Readonly<Record<RequestType, Term>>): Draft {
  return Object.fromEntries(
    REQUEST_TYPES.map((type) => {
      const term = terms[type];
      return [type, 'weeks' in term ? { amount: String(term.weeks), unit: 'weeks' } : { amount: String(term.months), unit: 'months' }];
    }),
  ) as Draft;
}

function termOf(entry: { amount: string; unit: Unit }): Term {
  return entry.unit === 'weeks' ? { weeks: Number(entry.amount) } : { months: Number(entry.amount) };
}

/**
 * Beheer → Termijnen, for the privacy officer: the term per request type and whether waiting for
 * identification stops the clock, and the retention terms. The main process checks the policy's
 * bounds; the hints say them.
 */
export function TermsSettings() {
  return (
    <>
      <DeadlineSettings />
      <RetentionSettings />
    </>
  );
}

function DeadlineSettings() {
  const api = useApi();
  const { t } = useTranslation();
  const card = useCardStyles();
  const styles = useSettingsStyles();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [suspend, setSuspend] = useState(false);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, error, submit } = useSubmission();

  useEffect(() => {
    void api.call('settings.getDeadlinePolicy', {}).then((result) => {
      if (result.ok) {
        setDraft(draftOf(result.value.terms));
        setSuspend(result.value.suspendWhileAwaitingId);
      } else setLoadError(result.error);
    });
  }, [api]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setNotice(null);
    const terms = Object.fromEntries(REQUEST_TYPES.map((type) => [type, termOf(draft[type])])) as Record<RequestType, Term>;
    const result = await submit(() => api.call('settings.setDeadlinePolicy', { terms, suspendWhileAwaitingId: suspend }));
    if (result.ok) setNotice({ intent: 'success', text: t('termsSettings.saved') });
  }

  const set = (type: RequestType, change: Partial<{ amount: string; unit: Unit }>) => setDraft((d) => (d ? { ...d, [type]: { ...d[type], ...change } } : d));

  return (
    <section className={card.card} aria-labelledby="deadline-settings-heading">
      <h2 id="deadline-settings-heading" className={styles.heading}>
        {t('termsSettings.deadlineTitle')}
      </h2>
      <p>{t('termsSettings.deadlineIntro')}</p>
      {loadError ? <ErrorBar error={loadError} /> : null}
      <NoticeBar notice={notice} />
      {error ? <ErrorBar error={error} /> : null}
      {draft ? (
        <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate>
          <div className={styles.grid}>
            {REQUEST_TYPES.map((type) => {
              const bound = DEADLINE_BOUNDS[type];
              const hint = bound ? t('termsSettings.bound', { term: termText(bound.term), source: bound.source }) : t('termsSettings.complaintHint');
              return (
                <div key={type} className={styles.actions}>
                  <Field label={t('termsSettings.termFor', { type: t(`caseTypes.${type}`) })} hint={hint}>
                    <Input
                      type="number"
                      min={1}
                      max={draft[type].unit === 'weeks' ? 26 : 6}
                      step={1}
                      value={draft[type].amount}
                      onChange={(_, d) => set(type, { amount: d.value })}
                    />
                  </Field>
                  <Field label={t('termsSettings.unit', { type: t(`caseTypes.${type}`) })}>
                    <Select value={draft[type].unit} onChange={(_, d) => set(type, { unit: d.value as Unit })}>
                      <option value="weeks">{t('termsSettings.weeks')}</option>
                      <option value="months">{t('termsSettings.months')}</option>
                    </Select>
                  </Field>
                </div>
              );
            })}
          </div>
          <Checkbox checked={suspend} onChange={(_, d) => setSuspend(d.checked === true)} label={t('termsSettings.suspend')} />
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabledFocusable={busy || REQUEST_TYPES.some((type) => draft[type].amount === '')}>
              {t('termsSettings.save')}
            </Button>
            {busy ? <Spinner size="tiny" /> : null}
          </div>
        </form>
      ) : (
        <Spinner size="tiny" label={t('termsSettings.loading')} />
      )}
    </section>
  );
}
