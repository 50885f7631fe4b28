import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/api/result.js';
import { passwordProblems } from '../../../shared/staff/password.js';
import type { Role } from '../../../shared/staff/roles.js';
import { useApi } from '../api/context.js';
import { CallDialog } from '../ui/FormDialog.js';
import { PasswordField } from '../ui/PasswordField.js';
import { RoleChoice } from '../ui/RoleChoice.js';
import type { DialogProps } from './dialogs.js';

export function RolesDialog({ staff, onDone, ...control }: DialogProps) {
  const api = useApi();
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Role[]>(staff.roles);
  const [checked, setChecked] = useState(false);

  function request() {
    setChecked(true);
    if (roles.length === 0) return null;
    return api.call('staff.setRoles', { staffId: staff.id, roles });
  }

  return (
    <CallDialog
      {...control}
      title={t('staff.rolesDialog.title', { name: staff.fullName })}
      submitLabel={t('staff.rolesDialog.submit')}
      call={request}
      onDone={() => onDone({ message: t('staff.done.roles', { name: staff.fullName }), staffId: staff.id })}
    >
      <RoleChoice
        legend={t('staff.fields.roles')}
        value={roles}
        onChange={setRoles}
        error={checked && roles.length === 0 ? t('staff.rolesRequired') : undefined}
      />
    </CallDialog>
  );
}

export function DeactivateDialog({ staff, onDone, ...control }: DialogProps) {
  const api = useApi();
  const { t } = useTranslation();

  function request() {
    return api.call('staff.setActive', { staffId: staff.id, active: false });
  }

  return (
    <CallDialog
      {...control}
      title={t('staff.deactivateDialog.title', { name: staff.fullName })}
      submitLabel={t('staff.deactivateDialog.submit')}
      call={request}
      onDone={() => onDone({ message: t('staff.done.deactivated', { name: staff.fullName }), staffId: staff.id })}
    >
      <Text as="p" style={{ margin: 0 }}>
        {t('staff.deactivateDialog.body', { name: staff.fullName })}
      </Text>
    </CallDialog>
  );
}

/** A new password for someone else: reactivating an account, or resetting a forgotten password. */
function NewPasswordDialog({ staff, onDone, mode, ...control }: DialogProps & { mode: 'activate' | 'reset' }) {
  const api = useApi();
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const texts = mode === 'activate' ? 'activateDialog' : 'resetDialog';

  // The two calls answer differently; the dialog only needs to know that it worked.
  function request(): Promise<Result<unknown>> | null {
    setChecked(true);
    if (passwordProblems(password, staff.userName).length > 0) return null;
    return mode === 'activate'
      ? api.call('staff.setActive', { staffId: staff.id, active: true, password })
      : api.call('staff.resetPassword', { staffId: staff.id, newPassword: password });
  }

  return (
    <CallDialog
      {...control}
      title={t(`staff.${texts}.title`, { name: staff.fullName })}
      submitLabel={t(`staff.${texts}.submit`)}
      call={request}
      onDone={() => onDone({ message: t(mode === 'activate' ? 'staff.done.activated' : 'staff.done.password', { name: staff.fullName }), staffId: staff.id })}
    >
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
    </CallDialog>
  );
}

export function ActivateDialog(props: DialogProps) {
  return <NewPasswordDialog {...props} mode="activate" />;
}

export function ResetPasswordDialog(props: DialogProps) {
  return <NewPasswordDialog {...props} mode="reset" />;
}
