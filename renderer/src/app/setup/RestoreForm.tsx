import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/api/contract.js';
import { passwordProblems } from '../../../../shared/staff/password.js';
import { useApi } from '../../api/context.js';
import { AuthLayout } from '../../ui/AuthLayout.js';
import { useFormStyles } from '../../ui/formStyles.js';
import { ErrorBar } from '../../ui/Notice.js';
import { PasswordField } from '../../ui/PasswordField.js';
import { useSubmission } from '../../ui/useSubmission.js';
import { emptyChoice, FileSourceField, sourceOf, type FileChoice } from '../../ui/FileFields.js';

type Method = 'password' | 'recoveryKey';

/**
 * First run, "Herstellen uit back-up": the backend restores the backup into this fresh installation
 * and keeps it only when the given password (or the recovery key) opens it. With a password that
 * person is signed in; with the recovery key an admin gets the new password typed here and is then
 * signed in with it.
 */
export function RestoreForm({ onBack, onSignedIn }: { onBack: () => void; onSignedIn: (staff: Staff) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useFormStyles();
  const [file, setFile] = useState<FileChoice>(emptyChoice);
  const [method, setMethod] = useState<Method>('password');
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, submit } = useSubmission();

  const byKey = method === 'recoveryKey';
  const mismatch = byKey && repeat !== '' && repeat !== password ? t('password.mismatch') : undefined;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy || (byKey && (repeat !== password || passwordProblems(password, userName).length > 0))) return;
    const result = await submit(async () => {
      const source = await sourceOf(file);
      return api.call('setup.restore', byKey ? { method, ...source, recoveryKey, userName, newPassword: password } : { method, ...source, userName, password });
    });
    if (!result.ok) return;
    if (result.value.session) {
      api.begin(result.value.session);
      onSignedIn(result.value.session.staff);
      return;
    }
    const signedIn = await submit(() => api.call('session.login', { userName, password }));
    if (signedIn.ok) {
      api.begin(signedIn.value);
      onSignedIn(signedIn.value.staff);
    }
  }

  return (
    <AuthLayout title={t('desktop.restore.title')} width={520}>
      <Text as="p" className={styles.text}>
        {t('desktop.restore.intro')}
      </Text>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('desktop.restore.lost')}</MessageBarBody>
      </MessageBar>
      {error ? <ErrorBar error={error} /> : null}
      <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate>
        <FileSourceField
          purpose="restore"
          accept=".zip"
          label={t('desktop.restore.path')}
          pathHint={t('desktop.restore.pathHint')}
          autoFocus
          value={file}
          onChange={setFile}
        />
        <Field label={t('desktop.restore.method')}>
          <RadioGroup value={method} onChange={(_, d) => setMethod(d.value as Method)}>
            <Radio value="password" label={t('desktop.restore.byPassword')} />
            <Radio value="recoveryKey" label={t('desktop.restore.byRecoveryKey')} />
          </RadioGroup>
        </Field>
        {byKey ? (
          <Field label={t('desktop.restore.recoveryKey')} required>
            <Input value={recoveryKey} spellCheck={false} autoComplete="off" onChange={(_, d) => setRecoveryKey(d.value)} />
          </Field>
        ) : null}
        <Field label={byKey ? t('desktop.restore.adminUserName') : t('desktop.restore.userName')} required>
          <Input value={userName} autoComplete="username" spellCheck={false} onChange={(_, d) => setUserName(d.value)} />
        </Field>
        {byKey ? (
          <>
            <PasswordField
              label={t('desktop.restore.newPassword')}
              value={password}
              onChange={setPassword}
              rulesFor={{ userName }}
              autoComplete="new-password"
            />
            <PasswordField
              label={t('desktop.restore.repeatPassword')}
              value={repeat}
              onChange={setRepeat}
              validationMessage={mismatch}
              autoComplete="new-password"
            />
          </>
        ) : (
          <Field label={t('desktop.restore.password')} required>
            <Input type="password" value={password} autoComplete="current-password" onChange={(_, d) => setPassword(d.value)} />
          </Field>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabledFocusable={busy}>
            {t('desktop.restore.submit')}
          </Button>
          {busy ? <Spinner size="tiny" label={t('desktop.restore.busy')} /> : null}
        </div>
      </form>
      <Button appearance="subtle" onClick={onBack}>
        {t('desktop.restore.back')}
      </Button>
    </AuthLayout>
  );
}
