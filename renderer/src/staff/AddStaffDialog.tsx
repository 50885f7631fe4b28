import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblems } from '../../../shared/staff/password.js';
import type { Role } from '../../../shared/staff/roles.js';
import { useApi } from '../api/context.js';
import { CallDialog } from '../ui/FormDialog.js';
import { PasswordField } from '../ui/PasswordField.js';
import { RoleChoice } from '../ui/RoleChoice.js';
import type { DialogProps } from './dialogs.js';

/** A new staff account with its functions and a first password that the admin hands over in person. */
export function AddStaffDialog({ onDone, ...control }: Omit<DialogProps, 'staff'>) {
  const api = useApi();
  const { t } = useTranslation();
  const [fullName, setFullName] = useState('');
  const [userName, setUserName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);

  const required = (value: string, field: string) => (checked && value.trim() === '' ? t('validation.required', { field }) : undefined);
  const weak = checked && passwordProblems(password, userName).length > 0 ? t('password.notStrongEnough') : undefined;
  const noRoles = checked && roles.length === 0 ? t('staff.rolesRequired') : undefined;

  function request() {
    setChecked(true);
    if (fullName.trim() === '' || userName.trim() === '' || roles.length === 0 || passwordProblems(password, userName).length > 0) return null;
    return api.call('staff.add', { fullName, userName, roles, password });
  }

  return (
    <CallDialog
      {...control}
      title={t('staff.addDialog.title')}
      submitLabel={t('staff.addDialog.submit')}
      call={request}
      onDone={(added) => onDone({ message: t('staff.done.added', { name: added.fullName }), staffId: added.id })}
    >
      <Field label={t('staff.fields.fullName')} required validationMessage={required(fullName, t('staff.fields.fullName')) ?? null}>
        <Input value={fullName} autoComplete="off" autoFocus onChange={(_, d) => setFullName(d.value)} />
      </Field>
      <Field
        label={t('staff.fields.userName')}
        required
        hint={t('setup.userNameHint')}
        validationMessage={required(userName, t('staff.fields.userName')) ?? null}
      >
        <Input value={userName} autoComplete="off" spellCheck={false} onChange={(_, d) => setUserName(d.value)} />
      </Field>
      <RoleChoice legend={t('staff.fields.roles')} value={roles} onChange={setRoles} error={noRoles} />
      <PasswordField
        label={t('staff.fields.initialPassword')}
        value={password}
        onChange={setPassword}
        hint={t('staff.fields.initialPasswordHint')}
        rulesFor={{ userName }}
        validationMessage={weak}
        autoComplete="new-password"
      />
    </CallDialog>
  );
}
