import { Button, Field, Input, Spinner } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/result.js';
import { MAX_LETTER_YEARS, MAX_REGISTER_YEARS } from '../../../shared/deadlines/terms.js';
import { useApi } from '../api/context.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { useSubmission } from '../ui/useSubmission.js';
import { useSettingsStyles } from './settingsStyles.js';

/** Beheer → Termijnen, retention part (privacy officer): the grace period after the appeal period, and how long register records and signed letters are kept. */
export function RetentionSettings() {
  const api = useApi();
  const { t } = useTranslation();
  const card = useCardStyles();
  const styles = useSettingsStyles();
  const [graceDays, setGraceDays] = useState('');
  const [registerYears, setRegisterYears] = useState('');
  const [letterYears, setLetterYears] = useState('');
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, error, submit } = useSubmission();

  useEffect(() => {
    void api.call('retention.getPolicy', {}).then((result) => {
      if (result.ok) {
        setGraceDays(String(result.value.graceDays));
        setRegisterYears(String(result.value.registerYears));
        setLetterYears(String(result.value.letterYears));
      } else setLoadError(result.error);
    });
  }, [api]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const result = await submit(() =>
      api.call('retention.setPolicy', { graceDays: Number(graceDays), registerYears: Number(registerYears), letterYears: Number(letterYears) }),
    );
    if (result.ok) setNotice({ intent: 'success', text: t('retentionSettings.saved') });
  }

  return (
    <section className={card.card} aria-labelledby="retention-settings-heading">
      <h2 id="retention-settings-heading" className={styles.heading}>
        {t('retentionSettings.title')}
      </h2>
      <p>{t('retentionSettings.intro')}</p>
      {loadError ? <ErrorBar error={loadError} /> : null}
      <NoticeBar notice={notice} />
      {error ? <ErrorBar error={error} /> : null}
      <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label={t('retentionSettings.graceDays')} hint={t('retentionSettings.graceHint')}>
          <Input type="number" min={0} max={365} step={1} value={graceDays} onChange={(_, d) => setGraceDays(d.value)} />
        </Field>
        <Field label={t('retentionSettings.registerYears')} hint={t('retentionSettings.registerHint')}>
          <Input type="number" min={1} max={MAX_REGISTER_YEARS} step={1} value={registerYears} onChange={(_, d) => setRegisterYears(d.value)} />
        </Field>
        <Field label={t('retentionSettings.letterYears')} hint={t('retentionSettings.letterHint')}>
          <Input type="number" min={1} max={MAX_LETTER_YEARS} step={1} value={letterYears} onChange={(_, d) => setLetterYears(d.value)} />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabledFocusable={busy || graceDays === '' || registerYears === '' || letterYears === ''}>
            {t('retentionSettings.save')}
          </Button>
          {busy ? <Spinner size="tiny" /> : null}
        </div>
      </form>
    </section>
  );
}
