import { Field, Input, Text } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/api/contract.js';
import { useApi } from '../api/context.js';
import { AuthLayout } from '../ui/AuthLayout.js';
import { SubmitRow } from '../ui/SaveForm.js';
import { useFormStyles } from '../ui/formStyles.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { useSubmission } from '../ui/useSubmission.js';

/** Sign-in. `notice` says why the user is here again (signed out, session expired). */
export function LoginScreen({ notice, onSignedIn }: { notice: Notice | null; onSignedIn: (staff: Staff) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useFormStyles();
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [shownNotice, setShownNotice] = useState(notice);
  const passwordInput = useRef<HTMLInputElement>(null);
  const { busy, error, submit } = useSubmission();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setShownNotice(null);
    const result = await submit(() => api.call('session.login', { userName, password }));
    if (result.ok) {
      api.begin(result.value);
      onSignedIn(result.value.staff);
      return;
    }
    setPassword('');
    passwordInput.current?.focus();
  }

  return (
    <AuthLayout title={t('login.title')} width={400}>
      <Text as="p" className={styles.text}>
        {t('login.intro')}
      </Text>
      <NoticeBar notice={shownNotice} />
      {error ? <ErrorBar error={error} /> : null}
      <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label={t('login.userName')} required>
          <Input value={userName} autoComplete="username" autoFocus spellCheck={false} onChange={(_, d) => setUserName(d.value)} />
        </Field>
        <Field label={t('login.password')} required>
          <Input input={{ ref: passwordInput }} type="password" value={password} autoComplete="current-password" onChange={(_, d) => setPassword(d.value)} />
        </Field>
        <SubmitRow label={t('login.submit')} busy={busy} busyLabel={t('login.busy')} />
      </form>
    </AuthLayout>
  );
}
