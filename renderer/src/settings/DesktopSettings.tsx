import { Button, Checkbox, Field, Input, Select, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_LOCK_MINUTES, LOG_LEVELS, type LogLevel } from '../../../shared/settings/desktop-contract.js';
import { LOG_LEVEL_LABELS } from '../../../shared/audit/labels.js';
import type { ApiError } from '../../../shared/api/result.js';
import { CHANNEL_LABELS, CHANNELS, type Channel } from '../../../shared/cases/cases.js';
import { useApi } from '../api/context.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { useSubmission } from '../ui/useSubmission.js';
import { useSettingsStyles } from './settingsStyles.js';

/** Beheer → Deze computer: after how many idle minutes AVG Desk locks itself, the log level, and which intake channels need a second-channel check (§9). */
export function DesktopSettings() {
  return (
    <>
      <AutoLockCard />
      <LogLevelCard />
      <SecondChannelCard />
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
    if (result.ok) setNotice({ intent: 'success', text: t('desktop.logLevel.saved', { level: LOG_LEVEL_LABELS[result.value.level] }) });
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
                {LOG_LEVEL_LABELS[l]}
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

/** §9: changes asked through these channels count only after a check through a second channel. */
function SecondChannelCard() {
  const api = useApi();
  const { t } = useTranslation();
  const card = useCardStyles();
  const styles = useSettingsStyles();
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, error, submit } = useSubmission();

  useEffect(() => {
    void api.call('settings.getSecondChannel', {}).then((result) => {
      if (result.ok) setChannels(result.value.channels);
      else setLoadError(result.error);
    });
  }, [api]);

  function toggle(channel: Channel, on: boolean) {
    setChannels((current) => {
      const rest = (current ?? []).filter((c) => c !== channel);
      return on ? CHANNELS.filter((c) => c === channel || rest.includes(c)) : rest;
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (channels === null) return;
    setNotice(null);
    const result = await submit(() => api.call('settings.setSecondChannel', { channels }));
    if (result.ok) {
      const saved = result.value.channels;
      setChannels(saved);
      setNotice({
        intent: 'success',
        text:
          saved.length === 0
            ? t('desktop.secondChannel.savedNone')
            : t('desktop.secondChannel.saved', { list: saved.map((c) => CHANNEL_LABELS[c]).join(', ') }),
      });
    }
  }

  return (
    <section className={card.card} aria-labelledby="second-channel-heading">
      <h2 id="second-channel-heading" className={styles.heading}>
        {t('desktop.secondChannel.title')}
      </h2>
      <Text>{t('desktop.secondChannel.intro')}</Text>
      {loadError ? <ErrorBar error={loadError} /> : null}
      <NoticeBar notice={notice} />
      {error ? <ErrorBar error={error} /> : null}
      <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate>
        <fieldset aria-label={t('desktop.secondChannel.channels')} style={{ border: 'none', margin: 0, padding: 0 }}>
          {CHANNELS.map((channel) => (
            <Checkbox
              key={channel}
              label={CHANNEL_LABELS[channel]}
              checked={channels?.includes(channel) ?? false}
              disabled={channels === null}
              onChange={(_, data) => toggle(channel, data.checked === true)}
            />
          ))}
        </fieldset>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabledFocusable={busy || channels === null}>
            {t('desktop.secondChannel.save')}
          </Button>
          {busy ? <Spinner size="tiny" /> : null}
        </div>
      </form>
    </section>
  );
}
