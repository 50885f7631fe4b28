import { Checkbox, Field, Input, Select, Text } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_LOCK_MINUTES, LOG_LEVELS, type LogLevel } from '../../../shared/settings/desktop-contract.js';
import { LOG_LEVEL_LABELS } from '../../../shared/audit/labels.js';
import { CHANNEL_LABELS, CHANNELS, type Channel } from '../../../shared/cases/cases.js';
import { useApi } from '../api/context.js';
import { Card } from '../ui/Card.js';
import { ErrorBar, NoticeBar } from '../ui/Notice.js';
import { SaveForm } from '../ui/SaveForm.js';
import { useFormLoad, useSaving } from '../ui/useSaving.js';

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
  const [minutes, setMinutes] = useState('');
  const loadError = useFormLoad(
    useCallback(() => api.call('settings.getAutoLock', {}), [api]),
    (value) => setMinutes(String(value.minutes)),
  );
  const { busy, error, notice, save } = useSaving();

  async function onSubmit() {
    const result = await save(
      () => api.call('settings.setAutoLock', { minutes: Number(minutes) }),
      (value) => t('desktop.autoLock.saved', { count: value.minutes }),
    );
    if (result.ok) api.setIdleTimeout(result.value.minutes * 60);
  }

  return (
    <Card headingId="autolock-heading" title={t('desktop.autoLock.title')}>
      {loadError ? <ErrorBar error={loadError} /> : null}
      <NoticeBar notice={notice} />
      {error ? <ErrorBar error={error} /> : null}
      <SaveForm submitLabel={t('desktop.autoLock.save')} busy={busy} incomplete={minutes === ''} onSubmit={() => void onSubmit()}>
        <Field label={t('desktop.autoLock.minutes')} hint={t('desktop.autoLock.hint')}>
          <Input type="number" min={AUTO_LOCK_MINUTES.min} max={AUTO_LOCK_MINUTES.max} step={1} value={minutes} onChange={(_, d) => setMinutes(d.value)} />
        </Field>
      </SaveForm>
    </Card>
  );
}

function LogLevelCard() {
  const api = useApi();
  const { t } = useTranslation();
  const [level, setLevel] = useState<LogLevel | ''>('');
  const loadError = useFormLoad(
    useCallback(() => api.call('settings.getLogLevel', {}), [api]),
    (value) => setLevel(value.level),
  );
  const { busy, error, notice, save } = useSaving();

  function onSubmit() {
    if (level === '') return;
    void save(
      () => api.call('settings.setLogLevel', { level }),
      (value) => t('desktop.logLevel.saved', { level: LOG_LEVEL_LABELS[value.level] }),
    );
  }

  return (
    <Card headingId="loglevel-heading" title={t('desktop.logLevel.title')}>
      {loadError ? <ErrorBar error={loadError} /> : null}
      <NoticeBar notice={notice} />
      {error ? <ErrorBar error={error} /> : null}
      <SaveForm submitLabel={t('desktop.logLevel.save')} busy={busy} incomplete={level === ''} onSubmit={onSubmit}>
        <Field label={t('desktop.logLevel.label')} hint={t('desktop.logLevel.hint')}>
          <Select value={level} onChange={(_, d) => setLevel(d.value as LogLevel)}>
            {LOG_LEVELS.map((l) => (
              <option key={l} value={l}>
                {LOG_LEVEL_LABELS[l]}
              </option>
            ))}
          </Select>
        </Field>
      </SaveForm>
    </Card>
  );
}

/** §9: changes asked through these channels count only after a check through a second channel. */
function SecondChannelCard() {
  const api = useApi();
  const { t } = useTranslation();
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const loadError = useFormLoad(
    useCallback(() => api.call('settings.getSecondChannel', {}), [api]),
    (value) => setChannels(value.channels),
  );
  const { busy, error, notice, save } = useSaving();

  function toggle(channel: Channel, on: boolean) {
    setChannels((current) => {
      const rest = (current ?? []).filter((c) => c !== channel);
      return on ? CHANNELS.filter((c) => c === channel || rest.includes(c)) : rest;
    });
  }

  async function onSubmit() {
    if (channels === null) return;
    const result = await save(
      () => api.call('settings.setSecondChannel', { channels }),
      ({ channels: saved }) =>
        saved.length === 0 ? t('desktop.secondChannel.savedNone') : t('desktop.secondChannel.saved', { list: saved.map((c) => CHANNEL_LABELS[c]).join(', ') }),
    );
    if (result.ok) setChannels(result.value.channels);
  }

  return (
    <Card headingId="second-channel-heading" title={t('desktop.secondChannel.title')}>
      <Text>{t('desktop.secondChannel.intro')}</Text>
      {loadError ? <ErrorBar error={loadError} /> : null}
      <NoticeBar notice={notice} />
      {error ? <ErrorBar error={error} /> : null}
      <SaveForm submitLabel={t('desktop.secondChannel.save')} busy={busy} incomplete={channels === null} onSubmit={() => void onSubmit()}>
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
      </SaveForm>
    </Card>
  );
}
