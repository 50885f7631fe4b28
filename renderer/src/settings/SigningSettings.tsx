import { Field, Input, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { CertificateRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import type { ApiError } from '../../../shared/api/result.js';
import { useApi } from '../api/context.js';
import { Card } from '../ui/Card.js';
import { DetailList } from '../ui/DetailList.js';
import { readAsBase64 } from '../ui/files.js';
import { ErrorBar, NoticeBar } from '../ui/Notice.js';
import { SaveForm } from '../ui/SaveForm.js';
import { useSaving } from '../ui/useSaving.js';
import { formatDate, formatDateTime } from '../ui/format.js';
import { FilePicker } from '../ui/FilePicker.js';
import { useSettingsStyles } from './settingsStyles.js';

type SigningInfo = ProcedureOutput<'settings.getSigning'>;

/** Spaced pairs of hex digits, as certificate viewers show a fingerprint. */
function fingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,2}/gu) ?? []).join(':');
}

/**
 * Beheer → Ondertekening: the organisation's certificate (PKCS#12) that signs every letter. The
 * backend keeps the file and its password encrypted in the store and shows only the certificate's
 * public details; the password never comes back.
 */
export function SigningSettings() {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useSettingsStyles();
  const [info, setInfo] = useState<SigningInfo | undefined>(undefined);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const { busy, error, setError, notice, setNotice, save } = useSaving();

  const load = useCallback(async () => {
    const result = await api.call('settings.getSigning', {});
    if (result.ok) setInfo(result.value);
    else setLoadError(result.error);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  async function onSubmit() {
    setNotice(null);
    if (!file) {
      setError({ code: 'VALIDATION', message: t('settings.signing.fileMissing') });
      return;
    }
    const p12Base64 = await readAsBase64(file);
    const result = await save(
      () => api.call('settings.setSigning', { p12Base64, password }),
      () => t('settings.signing.saved'),
    );
    if (result.ok) {
      setInfo(result.value);
      setFile(null);
      setPassword('');
    }
  }

  const expired = info ? new Date(info.validTo) < new Date() : false;
  return (
    <>
      <Card headingId="signing-current-heading" title={t('settings.signing.current')}>
        {info === undefined && !loadError ? <Spinner size="tiny" /> : null}
        {loadError ? <ErrorBar error={loadError} /> : null}
        {info === null ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t('settings.signing.none')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {info ? (
          <>
            {expired ? (
              <MessageBar intent="error">
                <MessageBarBody>{t('settings.signing.expired')}</MessageBarBody>
              </MessageBar>
            ) : null}
            <DetailList
              items={[
                { term: t('settings.signing.subject'), value: info.subject },
                { term: t('settings.signing.issuer'), value: info.issuer },
                { term: t('settings.signing.serialNumber'), value: <span className={styles.mono}>{info.serialNumber}</span> },
                {
                  term: t('settings.signing.valid'),
                  value: t('settings.signing.validRange', { from: formatDate(info.validFrom), to: formatDate(info.validTo) }),
                },
                { term: t('settings.signing.fingerprint'), value: <span className={styles.mono}>{fingerprint(info.fingerprint)}</span> },
                { term: t('settings.signing.configuredAt'), value: formatDateTime(info.configuredAt) },
              ]}
            />
          </>
        ) : null}
      </Card>
      <Card
        headingId="signing-upload-heading"
        title={info ? t('settings.signing.replace') : t('settings.signing.upload')}
        intro={t('settings.signing.uploadIntro')}
      >
        <SaveForm
          submitLabel={info ? t('settings.signing.submitReplace') : t('settings.signing.submit')}
          icon={<CertificateRegular />}
          busy={busy}
          busyLabel={t('settings.signing.busy')}
          onSubmit={() => void onSubmit()}
        >
          <div className={styles.grid}>
            <Field label={t('settings.signing.file')} required hint={t('settings.signing.fileHint')}>
              {(field) => <FilePicker field={field} accept=".p12,.pfx,application/x-pkcs12" file={file} onFile={setFile} />}
            </Field>
            <Field label={t('settings.signing.password')}>
              <Input type="password" autoComplete="off" value={password} onChange={(_, d) => setPassword(d.value)} />
            </Field>
          </div>
          {error ? <ErrorBar error={error} onDismiss={() => setError(null)} /> : null}
          <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
        </SaveForm>
      </Card>
    </>
  );
}
