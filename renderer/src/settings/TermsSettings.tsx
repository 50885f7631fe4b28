import { Checkbox, Field, Input, Select, Spinner } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_TYPES, type RequestType, type Term } from '../../../shared/deadlines/deadlines.js';
import { DEADLINE_BOUNDS, termText } from '../../../shared/deadlines/terms.js';
import { useApi } from '../api/context.js';
import { Card } from '../ui/Card.js';
import { ErrorBar, NoticeBar } from '../ui/Notice.js';
import { SaveForm } from '../ui/SaveForm.js';
import { useFormLoad, useSaving } from '../ui/useSaving.js';
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
  const styles = useSettingsStyles();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [suspend, setSuspend] = useState(false);
  const loadError = useFormLoad(
    useCallback(() => api.call('settings.getDeadlinePolicy', {}), [api]),
    (policy) => {
      setDraft(draftOf(policy.terms));
      setSuspend(policy.suspendWhileAwaitingId);
    },
  );
  const { busy, error, notice, save } = useSaving();

  function onSubmit() {
    if (!draft) return;
    const terms = Object.fromEntries(REQUEST_TYPES.map((type) => [type, termOf(draft[type])])) as Record<RequestType, Term>;
    void save(
      () => api.call('settings.setDeadlinePolicy', { terms, suspendWhileAwaitingId: suspend }),
      () => t('termsSettings.saved'),
    );
  }

  const set = (type: RequestType, change: Partial<{ amount: string; unit: Unit }>) => setDraft((d) => (d ? { ...d, [type]: { ...d[type], ...change } } : d));

  return (
    <Card headingId="deadline-settings-heading" title={t('termsSettings.deadlineTitle')}>
      <p>{t('termsSettings.deadlineIntro')}</p>
      {loadError ? <ErrorBar error={loadError} /> : null}
      <NoticeBar notice={notice} />
      {error ? <ErrorBar error={error} /> : null}
      {draft ? (
        <SaveForm submitLabel={t('termsSettings.save')} busy={busy} incomplete={REQUEST_TYPES.some((type) => draft[type].amount === '')} onSubmit={onSubmit}>
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
        </SaveForm>
      ) : (
        <Spinner size="tiny" label={t('termsSettings.loading')} />
      )}
    </Card>
  );
}
