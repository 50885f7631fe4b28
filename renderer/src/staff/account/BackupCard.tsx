import { Button, Spinner, Text } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.js';
import { useFormStyles } from '../../ui/formStyles.js';
import { ErrorBar, NoticeBar, type Notice } from '../../ui/Notice.js';
import { useSubmission } from '../../ui/useSubmission.js';
import { deliver, FileTargetField, useTargetPath } from '../../ui/FileFields.js';

/** Size for people: "3,4 MB". */
function size(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${mb.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('nl-NL')} kB`;
}

/**
 * Mijn account → Back-up: any signed-in staff member writes an encrypted backup of the whole local
 * store and the case files to a file they name (a path field in the desktop app too, so IT can
 * point it at a network folder; the backend refuses relative paths and the data folder itself).
 */
export function BackupCard({ className }: { className: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const form = useFormStyles();
  const [path, setPath, target] = useTargetPath();
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, error, submit } = useSubmission();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    const to = target();
    if (to === null) return;
    const result = await submit(() => api.call('backup.create', to));
    if (!result.ok) return;
    const done = result.value;
    deliver(done, 'application/zip');
    const text = done.path === undefined ? 'desktop.backup.doneDownload' : 'desktop.backup.done';
    setNotice({ intent: 'success', text: t(text, { path: done.path ?? done.fileName, size: size(done.bytes), count: done.files }) });
  }

  return (
    <div className={className}>
      <Text as="p" className={form.text}>
        {t('desktop.backup.intro')}
      </Text>
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {error ? <ErrorBar error={error} /> : null}
      <form className={form.form} onSubmit={(e) => void onSubmit(e)} noValidate>
        <FileTargetField purpose="backup" label={t('desktop.backup.path')} pathHint={t('desktop.backup.pathHint')} value={path} onChange={setPath} />
        <div className={form.actions}>
          <Button appearance="primary" type="submit" disabledFocusable={busy || target() === null}>
            {t('desktop.backup.submit')}
          </Button>
          {busy ? <Spinner size="tiny" label={t('desktop.backup.busy')} /> : null}
        </div>
      </form>
    </div>
  );
}
