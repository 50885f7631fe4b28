import { Button, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblems } from '../../../../shared/staff/password.js';
import { isAllowed } from '../../../../shared/staff/permissions.js';
import { useApi } from '../../api/context.js';
import { useSession } from '../../api/session.js';
import { useCardStyles } from '../../ui/cardStyles.js';
import { useFormStyles } from '../../ui/formStyles.js';
import { ErrorBar, NoticeBar, type Notice } from '../../ui/Notice.js';
import { Page, Section } from '../../ui/Page.js';
import { PasswordField } from '../../ui/PasswordField.js';
import { roleLabels } from '../../ui/roles.js';
import { useSubmission } from '../../ui/useSubmission.js';
import { desktopOs } from '../../work/announcements.js';
import { OsNotificationsCard } from '../../work/OsNotificationsCard.js';
import { BackupCard } from './BackupCard.js';
import { CentralLoginCard } from './CentralLoginCard.js';

const useStyles = makeStyles({
  details: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalXXL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  narrow: { maxWidth: '560px' },
});

/** The signed-in staff member's own account: details and changing the password. */
export function AccountScreen() {
  const api = useApi();
  const { staff } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const card = mergeClasses(useCardStyles().card, styles.narrow);
  const form = useFormStyles();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, error, submit } = useSubmission();

  const mismatch = repeat !== '' && repeat !== next ? t('password.mismatch') : undefined;
  const weak = checked && passwordProblems(next, staff.userName).length > 0 ? t('password.notStrongEnough') : undefined;
  const currentMissing = checked && current === '' ? t('validation.required', { field: t('account.currentPassword') }) : undefined;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setNotice(null);
    if (current === '' || next !== repeat || passwordProblems(next, staff.userName).length > 0) return;
    const result = await submit(() => api.call('account.changePassword', { currentPassword: current, newPassword: next }));
    if (result.ok) {
      setCurrent('');
      setNext('');
      setRepeat('');
      setChecked(false);
      setNotice({ intent: 'success', text: t('account.changed') });
    }
  }

  return (
    <Page title={t('account.title')}>
      <Section title={t('account.details')}>
        <dl className={mergeClasses(card, styles.details)}>
          <dt className={styles.term}>{t('account.fullName')}</dt>
          <dd className={styles.value}>{staff.fullName}</dd>
          <dt className={styles.term}>{t('account.userName')}</dt>
          <dd className={styles.value}>{staff.userName}</dd>
          <dt className={styles.term}>{t('account.roles')}</dt>
          <dd className={styles.value}>{roleLabels(staff.roles)}</dd>
        </dl>
      </Section>
      <Section title={t('account.changePassword')}>
        <div className={card}>
          <Text as="p" className={form.text}>
            {t('account.changeIntro')}
          </Text>
          <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
          {error ? <ErrorBar error={error} /> : null}
          <form className={form.form} onSubmit={(e) => void onSubmit(e)} noValidate>
            <PasswordField
              label={t('account.currentPassword')}
              value={current}
              onChange={setCurrent}
              validationMessage={currentMissing}
              autoComplete="current-password"
            />
            <PasswordField
              label={t('account.newPassword')}
              value={next}
              onChange={setNext}
              rulesFor={{ userName: staff.userName }}
              validationMessage={weak}
              autoComplete="new-password"
            />
            <PasswordField label={t('account.repeatPassword')} value={repeat} onChange={setRepeat} validationMessage={mismatch} autoComplete="new-password" />
            <div className={form.actions}>
              <Button appearance="primary" type="submit" disabledFocusable={busy}>
                {t('account.submit')}
              </Button>
              {busy ? <Spinner size="tiny" /> : null}
            </div>
          </form>
        </div>
      </Section>
      {desktopOs() && isAllowed(staff.roles, 'work.read') ? (
        <Section title={t('notifications.osTitle')}>
          <OsNotificationsCard staffId={staff.id} className={card} />
        </Section>
      ) : null}
      <Section title={t('sync.account.title')}>
        <CentralLoginCard className={card} />
      </Section>
      {isAllowed(staff.roles, 'backup.create') ? (
        <Section title={t('desktop.backup.title')}>
          <BackupCard className={card} />
        </Section>
      ) : null}
    </Page>
  );
}
