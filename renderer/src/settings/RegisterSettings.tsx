import { Badge, Button, makeStyles, Spinner, TableCell, TableRow, Text, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { AddRegular, ArrowUndoRegular, EditRegular, ProhibitedRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.js';
import { Card } from '../ui/Card.js';
import { DataTable } from '../ui/DataTable.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { useTableStyles } from '../ui/tableStyles.js';
import { useDialog } from '../ui/useDialog.js';
import { useLoaded } from '../ui/useLoaded.js';
import { ActivityDialog, type ActivityView } from './ActivityDialog.js';

const useStyles = makeStyles({
  purpose: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, maxWidth: '60ch' },
  inactive: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalXS },
});

/**
 * Beheer → Verwerkingsregister: the processing activities handlers tick for an access request.
 * An activity taken out of use stays on the cases that ticked it; it can be taken into use again.
 */
export function RegisterSettings() {
  const api = useApi();
  const { t } = useTranslation();
  const own = useStyles();
  const table = useTableStyles();
  const restoreFocus = useRestoreFocusTarget();
  const { value: activities, error, reload: load } = useLoaded(useCallback(() => api.call('register.list', { includeInactive: true }), [api]));
  const [notice, setNotice] = useState<Notice | null>(null);
  const dialog = useDialog<ActivityView | null>();

  async function setActive(activity: ActivityView, active: boolean) {
    setNotice(null);
    const { active: _active, ...plain } = activity;
    const result = active ? await api.call('register.upsert', { activity: plain }) : await api.call('register.remove', { activityId: activity.id });
    if (result.ok) {
      setNotice({
        intent: 'success',
        text: active ? t('settings.register.activated', { name: activity.name }) : t('settings.register.deactivated', { name: activity.name }),
      });
      void load();
    } else setNotice({ intent: 'error', error: result.error });
  }

  const nextSortOrder = Math.max(0, ...(activities ?? []).map((a) => a.sortOrder)) + 10;

  return (
    <Card headingId="register-heading" title={t('settings.register.title')} intro={t('settings.register.intro')}>
      <div className={table.toolbar}>
        <Button appearance="primary" icon={<AddRegular />} {...restoreFocus} onClick={() => dialog.show(null)}>
          {t('settings.register.add')}
        </Button>
        <div className={table.spacer} />
        {activities ? <Text className={table.muted}>{t('settings.register.count', { count: activities.filter((a) => a.active).length })}</Text> : null}
      </div>
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {error ? <ErrorBar error={error} /> : null}
      {!activities && !error ? <Spinner size="tiny" /> : null}
      {activities ? (
        <DataTable
          label={t('settings.register.tableLabel')}
          columns={[
            t('settings.register.columns.name'),
            t('settings.register.columns.recipients'),
            t('settings.register.columns.policy'),
            t('settings.register.columns.status'),
            t('settings.register.columns.actions'),
          ]}
        >
          {activities.map((activity) => (
            <TableRow key={activity.id} className={activity.active ? undefined : own.inactive}>
              <TableCell>
                <span>{activity.name}</span>
                <span className={own.purpose}>{activity.purpose}</span>
              </TableCell>
              <TableCell>{activity.recipients.map((r) => r.name ?? r.category).join(', ') || t('common.none')}</TableCell>
              <TableCell className={table.nowrap}>{activity.policyReference || t('common.none')}</TableCell>
              <TableCell className={table.nowrap}>
                <Badge appearance="tint" color={activity.active ? 'success' : 'subtle'}>
                  {activity.active ? t('settings.register.active') : t('settings.register.inactive')}
                </Badge>
              </TableCell>
              <TableCell>
                <div className={own.actions}>
                  <Button
                    size="small"
                    icon={<EditRegular />}
                    aria-label={t('settings.register.edit', { name: activity.name })}
                    {...restoreFocus}
                    onClick={() => dialog.show(activity)}
                  />
                  {activity.active ? (
                    <Button
                      size="small"
                      icon={<ProhibitedRegular />}
                      aria-label={t('settings.register.deactivate', { name: activity.name })}
                      onClick={() => void setActive(activity, false)}
                    />
                  ) : (
                    <Button
                      size="small"
                      icon={<ArrowUndoRegular />}
                      aria-label={t('settings.register.activate', { name: activity.name })}
                      onClick={() => void setActive(activity, true)}
                    />
                  )}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      ) : null}
      {dialog.state ? (
        <ActivityDialog
          key={dialog.state.shown}
          activity={dialog.state.value}
          nextSortOrder={nextSortOrder}
          {...dialog.control((saved: ActivityView) => {
            setNotice({ intent: 'success', text: t('settings.register.saved', { name: saved.name }) });
            void load();
          })}
        />
      ) : null}
    </Card>
  );
}
