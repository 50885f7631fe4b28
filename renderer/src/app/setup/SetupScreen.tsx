import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../shared/api/contract.js';
import { passwordProblems } from '../../../../shared/staff/password.js';
import { useApi } from '../../api/context.js';
import { AuthLayout } from '../../ui/AuthLayout.js';
import { SubmitRow } from '../../ui/SaveForm.js';
import { useFormStyles } from '../../ui/formStyles.js';
import { ErrorBar } from '../../ui/Notice.js';
import { PasswordField } from '../../ui/PasswordField.js';
import { useSubmission } from '../../ui/useSubmission.js';
import { RecoveryKey } from '../../ui/RecoveryKey.js';
import { RestoreForm } from './RestoreForm.js';

interface Missing {
  fullName?: string;
  userName?: string;
}

/** First run on this computer: the first account, which becomes functioneel beheer (admin). */
export function SetupScreen({ onSignedIn }: { onSignedIn: (staff: Staff) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useFormStyles();
  const [fullName, setFullName] = useState('');
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [missing, setMissing] = useState<Missing>({});
  const [checked, setChecked] = useState(false);
  const { busy, error, submit } = useSubmission();
  const [recovery, setRecovery] = useState<{ key: string; staff: Staff } | null>(null);
  const [stored, setStored] = useState(false);
  const [restoring, setRestoring] = useState(false);

  const mismatch = repeat !== '' && repeat !== password ? t('password.mismatch') : undefined;
  const weak = checked && passwordProblems(password, userName).length > 0 ? t('password.notStrongEnough') : undefined;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    const nextMissing: Missing = {};
    if (fullName.trim() === '') nextMissing.fullName = t('validation.required', { field: t('setup.fullName') });
    if (userName.trim() === '') nextMissing.userName = t('validation.required', { field: t('setup.userName') });
    setMissing(nextMissing);
    if (Object.keys(nextMissing).length > 0 || repeat !== password || passwordProblems(password, userName).length > 0) return;
    const result = await submit(() => api.call('setup.createAdmin', { fullName, userName, password }));
    if (result.ok) {
      api.begin(result.value);
      // The recovery key is shown once, before anything else.
      setRecovery({ key: result.value.recoveryKey, staff: result.value.staff });
    }
  }

  if (recovery) {
    return (
      <AuthLayout title={t('setup.recoveryTitle')} width={520}>
        <Text as="p">{t('setup.recoveryIntro')}</Text>
        <RecoveryKey value={recovery.key} />
        <MessageBar intent="warning">
          <MessageBarBody>{t('setup.recoveryWarning')}</MessageBarBody>
        </MessageBar>
        <Checkbox checked={stored} onChange={(_e, data) => setStored(data.checked === true)} label={t('setup.recoveryConfirm')} />
        <Button appearance="primary" disabled={!stored} onClick={() => onSignedIn(recovery.staff)}>
          {t('setup.recoveryContinue')}
        </Button>
      </AuthLayout>
    );
  }

  if (restoring) return <RestoreForm onBack={() => setRestoring(false)} onSignedIn={onSignedIn} />;

  return (
    <AuthLayout title={t('setup.title')} width={520}>
      <Text as="p" className={styles.text}>
        {t('setup.intro')}
      </Text>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('setup.lostPassword')}</MessageBarBody>
      </MessageBar>
      {error ? <ErrorBar error={error} /> : null}
      <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label={t('setup.fullName')} required validationMessage={missing.fullName ?? null}>
          <Input value={fullName} autoComplete="name" autoFocus onChange={(_, d) => setFullName(d.value)} />
        </Field>
        <Field label={t('setup.userName')} required hint={t('setup.userNameHint')} validationMessage={missing.userName ?? null}>
          <Input value={userName} autoComplete="username" spellCheck={false} onChange={(_, d) => setUserName(d.value)} />
        </Field>
        <PasswordField
          label={t('setup.password')}
          value={password}
          onChange={setPassword}
          rulesFor={{ userName }}
          validationMessage={weak}
          autoComplete="new-password"
        />
        <PasswordField
          label={t('setup.repeatPassword')}
          value={repeat}
          onChange={setRepeat}
          validationMessage={mismatch ?? (checked && repeat === '' ? t('validation.required', { field: t('setup.repeatPassword') }) : undefined)}
          autoComplete="new-password"
        />
        <SubmitRow label={t('setup.submit')} busy={busy} busyLabel={t('setup.busy')} />
      </form>
      <Button appearance="subtle" onClick={() => setRestoring(true)}>
        {t('desktop.restore.open')}
      </Button>
    </AuthLayout>
  );
}
