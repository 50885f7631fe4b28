import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblems } from '../../../../shared/password.js';
import type { Role } from '../../../../shared/roles.js';
import { useApi } from '../../api/context.js';
import { FormDialog } from '../../components/FormDialog.js';
import { PasswordField } from '../../components/PasswordField.js';
import { RoleChoice } from '../../components/RoleChoice.js';
import { useSubmission } from '../../components/useSubmission.js';
import type { DialogProps } from './dialogs.js';

export function RolesDialog({ open, staff, onClose, onDone }: DialogProps) {
  const api = useApi();
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Role[]>(staff.roles);
  const [checked, setChecked] = useState(false);
  const { busy, error, submit } = useSubmission();

  async function onSubmit() {
    setChecked(true);
    if (roles.length === 0) return;
    const result = await submit(() => api.call('staff.setRoles', { staffId: staff.id, roles }));
    if (result.ok) onDone(t('staff.done.roles', { name: staff.fullName }), staff.id);
  }

  return (
    <FormDialog open={open} title={t('staff.rolesDialog.title', { name: staff.fullName })} submitLabel={t('staff.rolesDialog.submit')} busy={busy} error={error} onSubmit={() => void onSubmit()} onClose={onClose}>
      <RoleChoice legend={t('staff.fields.roles')} value={roles} onChange={setRoles} error={checked && roles.length === 0 ? t('staff.rolesRequired') : undefined} />
    </FormDialog>
  );
}

export function DeactivateDialog({ open, staff, onClose, onDone }: DialogProps) {
  const api = useApi();
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmission();

  async function onSubmit() {
    const result = await submit(() => api.call('staff.setActive', { staffId: staff.id, active: false }));
    if (result.ok) onDone(t('staff.done.deactivated', { name: staff.fullName }), staff.id);
  }

  return (
    <FormDialog open={open} title={t('staff.deactivateDialog.title', { name: staff.fullName })} submitLabel={t('staff.deactivateDialog.submit')} busy={busy} error={error} onSubmit={() => void onSubmit()} onClose={onClose}>
      <Text as="p" style={{ margin: 0 }}>
        {t('staff.deactivateDialog.body', { name: staff.fullName })}
      </Text>
    </FormDialog>
  );
}

/** A new password for someone else: reactivating an account, or resetting a forgotten password. */
function NewPasswordDialog({ open, staff, onClose, onDone, mode }: DialogProps & { mode: 'activate' | 'reset' }) {
  const api = useApi();
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const { busy, error, submit } = useSubmission();
  const texts = mode === 'activate' ? 'activateDialog' : 'resetDialog';

  async function onSubmit() {
    setChecked(true);
    if (passwordProblems(password, staff.userName).length > 0) return;
    const result =
      mode === 'activate'
        ? await submit(() => api.call('staff.setActive', { staffId: staff.id, active: true, password }))
        : await submit(() => api.call('staff.resetPassword', { staffId: staff.id, newPassword: password }));
    if (result.ok) onDone(t(mode === 'activate' ? 'staff.done.activated' : 'staff.done.password', { name: staff.fullName }), staff.id);
  }

  return (
    <FormDialog open={open} title={t(`staff.${texts}.title`, { name: staff.fullName })} submitLabel={t(`staff.${texts}.submit`)} busy={busy} error={error} onSubmit={() => void onSubmit()} onClose={onClose}>
      <Text as="p" style={{ margin: 0 }}>
        {t(`staff.${texts}.body`)}
      </Text>
      <PasswordField
        label={t('staff.fields.newPassword')}
        value={password}
        onChange={setPassword}
        rulesFor={{ userName: staff.userName }}
        validationMessage={checked && passwordProblems(password, staff.userName).length > 0 ? t('password.notStrongEnough') : undefined}
        autoComplete="new-password"
        autoFocus
      />
    </FormDialog>
  );
}

export function ActivateDialog(props: DialogProps) {
  return <NewPasswordDialog {...props} mode="activate" />;
}

export function ResetPasswordDialog(props: DialogProps) {
  return <NewPasswordDialog {...props} mode="reset" />;
}
