import { Field, Input } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.js';
import { Card } from '../ui/Card.js';
import { fieldErrors, fieldState } from '../ui/fieldErrors.js';
import { ErrorBar, NoticeBar } from '../ui/Notice.js';
import { SaveForm } from '../ui/SaveForm.js';
import { useFormLoad, useSaving } from '../ui/useSaving.js';
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
  const styles = useSettingsStyles();
  const [url, setUrl] = useState('');
  const [minutes, setMinutes] = useState('');
  const [withoutLogin, setWithoutLogin] = useState<readonly string[]>([]);
  const { busy, error, setError, notice, setNotice, save } = useSaving();
  const show = (settings: { url: string | null; intervalMinutes: number }) => {
    setUrl(settings.url ?? '');
    setMinutes(String(settings.intervalMinutes));
  };
  const loadError = useFormLoad(
    useCallback(() => api.call('sync.getSettings', {}), [api]),
    show,
  );

  useEffect(() => {
    void api.call('sync.status', {}).then((result) => {
      if (result.ok) setWithoutLogin(result.value.withoutCentralLogin);
    });
  }, [api]);

  async function onSubmit() {
    const address = url.trim();
    const result = await save(
      () => api.call('sync.setSettings', { url: address === '' ? null : address, intervalMinutes: Number(minutes) }),
      (saved) => (saved.url === null ? t('sync.settings.savedLocal') : t('sync.settings.saved')),
    );
    if (result.ok) show(result.value);
  }

  // A refusal without details is the service's sentence about the address (e.g. sslmode=verify-full).
  const { byField, rest } = fieldErrors(error, FIELDS, 'url');

  return (
    <Card headingId="central-settings-heading" title={t('sync.settings.title')} intro={t('sync.settings.intro')}>
      {loadError ? <ErrorBar error={loadError} /> : null}
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {rest ? <ErrorBar error={rest} /> : null}
      <SaveForm submitLabel={t('sync.settings.save')} busy={busy} onSubmit={() => void onSubmit()}>
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
      </SaveForm>
    </Card>
  );
}
