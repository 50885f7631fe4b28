import { Button, Field, Input, Spinner } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/result.js';
import { useApi } from '../api/context.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { fieldErrors, fieldState } from '../ui/fieldErrors.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { useSubmission } from '../ui/useSubmission.js';
import { useSettingsStyles } from './settingsStyles.js';

const FIELDS = ['url', 'intervalMinutes'] as const;

/**
 * Beheer → Centrale database: the address of the corporation's PostgreSQL (without a login: each
 * staff member enters their own under Mijn account) and how often this desktop syncs. The
 * backend's Dutch refusals (no verify-full to a remote server, an interval out of range) show at the field.
 */
export function CentralSettings() {
  const api = useApi();
  const { t } = useTranslation();
  const card = useCardStyles();
  const styles = useSettingsStyles();
  const [url, setUrl] = useState('');
  const [minutes, setMinutes] = useState('');
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [withoutLogin, setWithoutLogin] = useState<readonly string[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, error, setError, submit } = useSubmission();

  useEffect(() => {
    void api.call('sync.getSettings', {}).then((result) => {
      if (result.ok) {
        setUrl(result.value.url ?? '');
        setMinutes(String(result.value.intervalMinutes));
      } else setLoadError(result.error);
    });
    void api.call('sync.status', {}).then((result) => {
      if (result.ok) setWithoutLogin(result.value.withoutCentralLogin);
    });
  }, [api]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    const address = url.trim();
    const result = await submit(() => api.call('sync.setSettings', { url: address === '' ? null : address, intervalMinutes: Number(minutes) }));
    if (result.ok) {
      setUrl(result.value.url ?? '');
      setMinutes(String(result.value.intervalMinutes));
      setNotice({ intent: 'success', text: result.value.url === null ? t('sync.settings.savedLocal') : t('sync.settings.saved') });
    }
  }

  // A refusal without details is the service's sentence about the address (e.g. sslmode=verify-full).
  const { byField, rest } = fieldErrors(error, FIELDS, 'url');

  return (
    <section className={card.card} aria-labelledby="central-settings-heading">
      <h2 id="central-settings-heading" className={styles.heading}>
        {t('sync.settings.title')}
      </h2>
      <p className={styles.muted}>{t('sync.settings.intro')}</p>
      {loadError ? <ErrorBar error={loadError} /> : null}
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {rest ? <ErrorBar error={rest} /> : null}
      <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label={t('sync.settings.url')} hint={t('sync.settings.urlHint')} {...fieldState(byField.url)}>
          <Input
            value={url}
            spellCheck={false}
            autoComplete="off"
            onChange={(_, d) => {
              setUrl(d.value);
              if (byField.url) setError(null);
            }}
          />
        </Field>
        <Field label={t('sync.settings.interval')} hint={t('sync.settings.intervalHint')} {...fieldState(byField.intervalMinutes)}>
          <Input
            type="number"
            min={1}
            max={1440}
            step={1}
            value={minutes}
            onChange={(_, d) => {
              setMinutes(d.value);
              if (byField.intervalMinutes) setError(null);
            }}
          />
        </Field>
        <p className={styles.muted}>{t('sync.settings.credentials')}</p>
        {withoutLogin.length > 0 ? (
          <div role="note" aria-label={t('sync.withoutLoginTitle')}>
            <p>
              {t('sync.withoutLogin', { count: withoutLogin.length })}: {withoutLogin.join(', ')}.
            </p>
            <p className={styles.muted}>{t('sync.withoutLoginKept')}</p>
          </div>
        ) : null}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabledFocusable={busy}>
            {t('sync.settings.save')}
          </Button>
          {busy ? <Spinner size="tiny" /> : null}
        </div>
      </form>
    </section>
  );
}
