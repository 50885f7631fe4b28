import { Field, Input } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LETTER_YEARS, MAX_REGISTER_YEARS } from '../../../shared/deadlines/terms.js';
import { useApi } from '../api/context.js';
import { Card } from '../ui/Card.js';
import { ErrorBar, NoticeBar } from '../ui/Notice.js';
import { SaveForm } from '../ui/SaveForm.js';
import { useFormLoad, useSaving } from '../ui/useSaving.js';

/** Beheer → Termijnen, retention part (privacy officer): the grace period after the appeal period, and how long register records and signed letters are kept. */
export function RetentionSettings() {
  const api = useApi();
  const { t } = useTranslation();
  const [graceDays, setGraceDays] = useState('');
  const [registerYears, setRegisterYears] = useState('');
  const [letterYears, setLetterYears] = useState('');
  const loadError = useFormLoad(
    useCallback(() => api.call('retention.getPolicy', {}), [api]),
    (policy) => {
      setGraceDays(String(policy.graceDays));
      setRegisterYears(String(policy.registerYears));
      setLetterYears(String(policy.letterYears));
    },
  );
  const { busy, error, notice, save } = useSaving();

  function onSubmit() {
    void save(
      () => api.call('retention.setPolicy', { graceDays: Number(graceDays), registerYears: Number(registerYears), letterYears: Number(letterYears) }),
      () => t('retentionSettings.saved'),
    );
  }

  return (
    <Card headingId="retention-settings-heading" title={t('retentionSettings.title')}>
      <p>{t('retentionSettings.intro')}</p>
      {loadError ? <ErrorBar error={loadError} /> : null}
      <NoticeBar notice={notice} />
      {error ? <ErrorBar error={error} /> : null}
      <SaveForm
        submitLabel={t('retentionSettings.save')}
        busy={busy}
        incomplete={graceDays === '' || registerYears === '' || letterYears === ''}
        onSubmit={onSubmit}
      >
        <Field label={t('retentionSettings.graceDays')} hint={t('retentionSettings.graceHint')}>
          <Input type="number" min={0} max={365} step={1} value={graceDays} onChange={(_, d) => setGraceDays(d.value)} />
        </Field>
        <Field label={t('retentionSettings.registerYears')} hint={t('retentionSettings.registerHint')}>
          <Input type="number" min={1} max={MAX_REGISTER_YEARS} step={1} value={registerYears} onChange={(_, d) => setRegisterYears(d.value)} />
        </Field>
        <Field label={t('retentionSettings.letterYears')} hint={t('retentionSettings.letterHint')}>
          <Input type="number" min={1} max={MAX_LETTER_YEARS} step={1} value={letterYears} onChange={(_, d) => setLetterYears(d.value)} />
        </Field>
      </SaveForm>
    </Card>
  );
}
