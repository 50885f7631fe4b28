import {
  Badge,
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  TableCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowClockwiseRegular,
  KeyResetRegular,
  MoreHorizontalRegular,
  PersonAddRegular,
  PersonAvailableRegular,
  PersonProhibitedRegular,
  PeopleTeamRegular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/api/contract.js';
import type { ApiError } from '../../../shared/api/result.js';
import { useApi } from '../api/context.js';
import { useSession } from '../api/session.js';
import { DataTable } from '../ui/DataTable.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { Page, Section } from '../ui/Page.js';
import { useDialog, type DialogControl } from '../ui/useDialog.js';
import { roleLabels } from '../ui/roles.js';
import { useTableStyles } from '../ui/tableStyles.js';
import { ActivateDialog, DeactivateDialog, ResetPasswordDialog, RolesDialog } from './AccountDialogs.js';
import { AddStaffDialog } from './AddStaffDialog.js';
import type { StaffChange, StaffDialog } from './dialogs.js';

const useStyles = makeStyles({
  you: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalXS },
  inactive: { color: tokens.colorNeutralForeground3 },
});

/** The screen's page, or only its content when Beheer shows it under its own heading (`embedded`). */
function Frame({ embedded, title, children }: { embedded: boolean; title: string; children: ReactNode }) {
  return embedded ? <>{children}</> : <Page title={title}>{children}</Page>;
}

/** Beheer → Medewerkers: the staff accounts of this desktop, for functioneel beheer. */
export function StaffScreen({ embedded = false }: { embedded?: boolean }) {
  const api = useApi();
  const session = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const [staff, setStaff] = useState<Staff[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const dialog = useDialog<StaffDialog>();

  const load = useCallback(async () => {
    setLoading(true);
    const result = await api.call('staff.list', {});
    setLoading(false);
    if (result.ok) {
      setStaff(result.value);
      setError(null);
    } else setError(result.error);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const onDone = ({ message, staffId }: StaffChange) => {
    setNotice({ intent: 'success', text: message });
    void load();
    // Changing one's own functions changes the menu too.
    if (staffId === session.staff.id) void session.refresh();
  };

  return (
    <Frame embedded={embedded} title={t('staff.pageTitle')}>
      <Section title={t('staff.sectionTitle')}>
        <Text as="p" className={table.muted} style={{ margin: 0 }}>
          {t('staff.intro')}
        </Text>
        <div className={table.toolbar}>
          <Button appearance="primary" icon={<PersonAddRegular />} onClick={() => dialog.show({ kind: 'add' })}>
            {t('staff.add')}
          </Button>
          <Button icon={<ArrowClockwiseRegular />} disabledFocusable={loading} onClick={() => void load()}>
            {t('staff.refresh')}
          </Button>
          <div className={table.spacer} />
          {loading ? <Spinner size="tiny" label={t('staff.loading')} /> : <Text className={table.muted}>{t('staff.count', { count: staff.length })}</Text>}
        </div>
        <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
        {error ? <ErrorBar error={error} /> : null}
        <DataTable
          label={t('staff.tableLabel')}
          columns={[t('staff.columns.fullName'), t('staff.columns.userName'), t('staff.columns.roles'), t('staff.columns.status'), t('staff.columns.actions')]}
          empty={!loading && staff.length === 0 && !error && t('staff.empty')}
        >
          {staff.map((member) => (
            <TableRow key={member.id} className={member.active ? undefined : styles.inactive}>
              <TableCell className={table.nowrap}>
                {member.fullName}
                {member.id === session.staff.id ? <span className={styles.you}>{t('staff.you')}</span> : null}
              </TableCell>
              <TableCell>{member.userName}</TableCell>
              <TableCell>{roleLabels(member.roles)}</TableCell>
              <TableCell>
                <Badge appearance="tint" shape="rounded" color={member.active ? 'success' : 'subtle'}>
                  {member.active ? t('staff.active') : t('staff.inactive')}
                </Badge>
              </TableCell>
              <TableCell>
                <StaffActions member={member} onChoose={dialog.show} />
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      </Section>
      {dialog.state ? <ChosenDialog key={dialog.state.shown} which={dialog.state.value} {...dialog.control(onDone)} /> : null}
    </Frame>
  );
}

function ChosenDialog({ which, ...props }: { which: StaffDialog } & DialogControl<StaffChange>) {
  switch (which.kind) {
    case 'add':
      return <AddStaffDialog {...props} />;
    case 'roles':
      return <RolesDialog {...props} staff={which.staff} />;
    case 'deactivate':
      return <DeactivateDialog {...props} staff={which.staff} />;
    case 'activate':
      return <ActivateDialog {...props} staff={which.staff} />;
    case 'reset':
      return <ResetPasswordDialog {...props} staff={which.staff} />;
  }
}

function StaffActions({ member, onChoose }: { member: Staff; onChoose: (dialog: StaffDialog) => void }) {
  const { t } = useTranslation();
  return (
    <Menu positioning="below-end">
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle" size="small" icon={<MoreHorizontalRegular />} aria-label={t('staff.actionsFor', { name: member.fullName })} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<PeopleTeamRegular />} onClick={() => onChoose({ kind: 'roles', staff: member })}>
            {t('staff.changeRoles')}
          </MenuItem>
          {member.active ? (
            <MenuItem icon={<KeyResetRegular />} onClick={() => onChoose({ kind: 'reset', staff: member })}>
              {t('staff.resetPassword')}
            </MenuItem>
          ) : null}
          {member.active ? (
            <MenuItem icon={<PersonProhibitedRegular />} onClick={() => onChoose({ kind: 'deactivate', staff: member })}>
              {t('staff.deactivate')}
            </MenuItem>
          ) : (
            <MenuItem icon={<PersonAvailableRegular />} onClick={() => onChoose({ kind: 'activate', staff: member })}>
              {t('staff.activate')}
            </MenuItem>
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
