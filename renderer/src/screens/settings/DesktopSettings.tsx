import { Button, Field, Input, Select, Spinner } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_LOCK_MINUTES, LOG_LEVELS, type LogLevel } from '../../../../shared/api/desktop-contract.js';
import type { ApiError } from '../../../../shared/api/result.js';
import { useApi } from '../../api/context.js';
import { useCardStyles } from '../../components/cardStyles.js';
import { ErrorBar, NoticeBar, type Notice } from '../../components/Notice.js';
import { useSubmission } from '../../components/useSubmission.js';
import { useSettingsStyles } from './settingsStyles.js';

/** Beheer → Deze computer: after how many idle minutes AVG Desk locks itself, and the log level. */
export function DesktopSettings() {
  return (
    <>
      <AutoLockCard />
      <LogLevelCard />
    </>
  );
}

function AutoLockCard() {
  const api = useApi();
  const { t } = useTranslation();
  const card = useCardStyles();
  const styles = useSettingsStyles();
  const [minutes, setMinutes] = useState('');
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, error, submit } = useSubmission();

  useEffect(() => {
    void api.call('settings.getAutoLock', {}).then((result) => {
      if (result.ok) setMinutes(String(result.value.minutes));
      else setLoadError(result.error);
    });
  }, [api]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const result = await submit(() => api.call('settings.setAutoLock', { minutes: Number(minutes) }));
    if (result.ok) {
      api.setIdleTimeout(result.value.minutes * 60);
      setNotice({ intent: 'success', text: t('desktop.autoLock.saved', { count: result.value.minutes }) });
    }
  }

  return (
    <section className={card.card} aria-labelledby="autolock-heading">
      <h2 id="autolock-heading" className={styles.heading}>
        {t('desktop.autoLock.title')}
      </h2>
      {loadError ? <ErrorBar error={loadError} /> : null}
      <NoticeBar notice={notice} />
      {error ? <ErrorBar error={error} /> : null}
      <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label={t('desktop.autoLock.minutes')} hint={t('desktop.autoLock.hint')}>
          <Input type="number" min={AUTO_LOCK_MINUTES.min} max={AUTO_LOCK_MINUTES.max} step={1} value={minutes} onChange={(_, d) => setMinutes(d.value)} />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabledFocusable={busy || minutes === ''}>
            {t('desktop.autoLock.save')}
          </Button>
          {busy ? <Spinner size="tiny" /> : null}
        </div>
      </form>
    </section>
  );
}

function LogLevelCard() {
  const api = useApi();
  const { t } = useTranslation();
  const card = useCardStyles();
  const styles = useSettingsStyles();
  const [level, setLevel] = useState<LogLevel | ''>('');
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, error, submit } = useSubmission();

  useEffect(() => {
    void api.call('settings.getLogLevel', {}).then((result) => {
      if (result.ok) setLevel(result.value.level);
      else setLoadError(result.error);
    });
  }, [api]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (level === '') return;
    setNotice(null);
    const result = await submit(() => api.call('settings.setLogLevel', { level }));
    if (result.ok) setNotice({ intent: 'success', text: t('desktop.logLevel.saved', { level: result.value.level }) });
  }

  return (
    <section className={card.card} aria-labelledby="loglevel-heading">
      <h2 id="loglevel-heading" className={styles.heading}>
        {t('desktop.logLevel.title')}
      </h2>
      {loadError ? <ErrorBar error={loadError} /> : null}
      <NoticeBar notice={notice} />
      {error ? <ErrorBar error={error} /> : null}
      <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label={t('desktop.logLevel.label')} hint={t('desktop.logLevel.hint')}>
          <Select value={level} onChange={(_, d) => setLevel(d.value as LogLevel)}>
            {LOG_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`desktop.logLevel.levels.${l}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabledFocusable={busy || level === ''}>
            {t('desktop.logLevel.save')}
          </Button>
          {busy ? <Spinner size="tiny" /> : null}
        </div>
      </form>
    </section>
  );
}
