import { Button, Field, Input, Text } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/api/contract.js';
import { useApi } from '../api/context.js';
import { AuthLayout } from '../ui/AuthLayout.js';
import { SubmitRow } from '../ui/SaveForm.js';
import { useFormStyles } from '../ui/formStyles.js';
import { ErrorBar } from '../ui/Notice.js';
import { useSubmission } from '../ui/useSubmission.js';

/**
 * The only thing on screen while AVG Desk is locked. Unlocking signs the same staff member in again
 * (the store opens again with their password); the screen they were on comes back as it was.
 */
export function LockScreen({ staff, onUnlocked, onOtherUser }: { staff: Staff; onUnlocked: (staff: Staff) => void; onOtherUser: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useFormStyles();
  const [password, setPassword] = useState('');
  const passwordInput = useRef<HTMLInputElement>(null);
  const { busy, error, submit } = useSubmission();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await submit(() => api.call('session.login', { userName: staff.userName, password }));
    setPassword('');
    if (result.ok && result.value.staff.id === staff.id) {
      api.begin(result.value);
      onUnlocked(result.value.staff);
      return;
    }
    passwordInput.current?.focus();
  }

  return (
    <AuthLayout title={t('desktop.lock.title')} width={420}>
      <Text as="p" className={styles.text}>
        {t('desktop.lock.intro', { name: staff.fullName, userName: staff.userName })}
      </Text>
      {error ? <ErrorBar error={error} /> : null}
      <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label={t('desktop.lock.password')} required>
          <Input
            input={{ ref: passwordInput }}
            type="password"
            value={password}
            autoFocus
            autoComplete="current-password"
            onChange={(_, d) => setPassword(d.value)}
          />
        </Field>
        <SubmitRow label={t('desktop.lock.submit')} busy={busy} busyLabel={t('desktop.lock.busy')} />
      </form>
      <Button appearance="subtle" onClick={onOtherUser}>
        {t('desktop.lock.otherUser')}
      </Button>
    </AuthLayout>
  );
}
