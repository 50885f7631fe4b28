import { Badge, Button, Field, makeStyles, Spinner, TableCell, TableRow, Text, Textarea, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, CheckmarkRegular, DeleteRegular, DocumentBulletListRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/result.js';
import type { DestructionListView } from '../../../shared/retention/retention-contract.js';
import { REQUEST_TYPE_LABELS } from '../../../shared/cases/cases.js';
import type { DestructionKind } from '../../../shared/retention/retention.js';
import { useApi } from '../api/context.js';
import { Card } from '../ui/Card.js';
import { DataTable } from '../ui/DataTable.js';
import { CallDialog } from '../ui/FormDialog.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { Page } from '../ui/Page.js';
import { useTableStyles } from '../ui/tableStyles.js';
import { useDialog, type DialogControl } from '../ui/useDialog.js';
import { useLoaded } from '../ui/useLoaded.js';
import { formatDate, formatDay } from '../ui/format.js';

const DAYS = 30;

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
});

/**
 * Bewaartermijnen (dpo): what is destroyed in the coming 30 days, the destruction list to approve
 * (or remove items from), the lists carried out, and the daily run on demand.
 */
export function RetentionScreen() {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const { value: overview, error, reload: load } = useLoaded(useCallback(() => api.call('retention.overview', { days: DAYS }), [api]));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const removing = useDialog<Removal>();
  const approving = useDialog<DestructionListView>();

  async function act<T>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>, message: (value: T) => string) {
    setBusy(true);
    setNotice(null);
    const result = await work();
    setBusy(false);
    if (result.ok) setNotice({ intent: 'success', text: message(result.value) });
    else setNotice({ intent: 'error', error: result.error });
    await load();
  }

  const open = overview?.openList ?? null;
  const pending = open?.items.filter((i) => !i.removed) ?? [];
  const typeLabel = (type: keyof typeof REQUEST_TYPE_LABELS) => REQUEST_TYPE_LABELS[type].split(' (')[0];

  return (
    <Page
      title={t('retention.title')}
      intro={t('retention.intro', { days: DAYS, years: overview?.policy.registerYears ?? 2, letterYears: overview?.policy.letterYears ?? 2 })}
    >
      <div className={styles.actions}>
        <Button
          icon={<DocumentBulletListRegular />}
          disabledFocusable={busy}
          onClick={() =>
            void act(
              () => api.call('retention.propose', {}),
              (list) => (list ? t('retention.list.proposed') : t('retention.list.nothingDue')),
            )
          }
        >
          {t('retention.list.propose')}
        </Button>
        <Button
          icon={<DeleteRegular />}
          disabledFocusable={busy}
          onClick={() =>
            void act(
              () => api.call('retention.runLocal', {}),
              (run) => (run.cases.length ? t('retention.run.done', { count: run.cases.length }) : t('retention.run.none')),
            )
          }
        >
          {t('retention.run.button')}
        </Button>
        <Button icon={<ArrowClockwiseRegular />} appearance="subtle" onClick={() => void load()}>
          {t('audit.refresh')}
        </Button>
        {busy ? <Spinner size="tiny" /> : null}
      </div>
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {error ? <ErrorBar error={error} /> : null}
      {overview === null && !error ? <Spinner size="small" /> : null}
      {overview ? (
        <>
          <Card headingId="retention-upcoming" title={t('retention.upcoming', { days: DAYS })}>
            {overview.upcoming.length === 0 ? (
              <p className={styles.muted}>{t('retention.none', { days: DAYS })}</p>
            ) : (
              <DataTable
                label={t('retention.upcomingLabel')}
                columns={[
                  t('retention.columns.reference'),
                  t('retention.columns.type'),
                  t('retention.columns.what'),
                  t('retention.columns.on'),
                  t('retention.columns.state'),
                ]}
                plain
              >
                {overview.upcoming.map((u) => (
                  <TableRow key={`${u.caseId}-${u.what}`}>
                    <TableCell className={table.nowrap}>{u.reference}</TableCell>
                    <TableCell>{typeLabel(u.requestType)}</TableCell>
                    <TableCell>{t(`retention.what.${u.what}`)}</TableCell>
                    <TableCell className={table.nowrap}>{formatDay(u.on)}</TableCell>
                    <TableCell>{t(`retention.state.${u.state as 'gepland'}`, { defaultValue: u.state })}</TableCell>
                  </TableRow>
                ))}
              </DataTable>
            )}
          </Card>

          <Card headingId="retention-list" title={t('retention.list.title')}>
            {open ? (
              <>
                <Text>{t('retention.list.proposedAt', { date: formatDate(open.proposedAt), by: open.proposedBy ?? t('retention.list.system') })}</Text>
                <DataTable
                  label={t('retention.list.tableLabel')}
                  columns={[
                    t('retention.columns.reference'),
                    t('retention.columns.type'),
                    t('retention.columns.what'),
                    t('retention.columns.closedOn'),
                    t('retention.columns.destroyOn'),
                    t('retention.columns.actions'),
                  ]}
                  plain
                >
                  {open.items.map((item) => (
                    <TableRow key={`${item.kind}-${item.caseId}`}>
                      <TableCell className={table.nowrap}>{item.reference}</TableCell>
                      <TableCell>{typeLabel(item.requestType)}</TableCell>
                      <TableCell>{t(`retention.what.${item.kind}`)}</TableCell>
                      <TableCell className={table.nowrap}>{formatDay(item.closedOn)}</TableCell>
                      <TableCell className={table.nowrap}>{formatDay(item.destroyOn)}</TableCell>
                      <TableCell>
                        {item.removed ? (
                          <Badge appearance="tint" color="warning" shape="rounded">
                            {t('retention.list.removed', { reason: item.removeReason ?? '' })}
                          </Badge>
                        ) : (
                          <Button
                            size="small"
                            aria-label={`${t('retention.list.remove')}: ${item.reference}${item.kind === 'brieven' ? ` (${t('retention.what.brieven')})` : ''}`}
                            onClick={() => removing.show({ listId: open.id, caseId: item.caseId, kind: item.kind, reference: item.reference })}
                          >
                            {t('retention.list.remove')}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </DataTable>
                <div className={styles.actions}>
                  <Button appearance="primary" icon={<CheckmarkRegular />} disabledFocusable={busy} onClick={() => approving.show(open)}>
                    {t('retention.list.approve')}
                  </Button>
                </div>
              </>
            ) : (
              <p className={styles.muted}>{t('retention.list.none')}</p>
            )}
          </Card>

          {overview.pastLists.length > 0 ? (
            <Card headingId="retention-past" title={t('retention.past.title')}>
              <ul>
                {overview.pastLists.map((list) => (
                  <li key={list.id}>
                    {t('retention.past.approvedAt', {
                      date: list.approvedAt ? formatDate(list.approvedAt) : '',
                      by: list.approvedBy ?? '',
                      count: list.items.filter((i) => i.destroyedOn).length,
                    })}
                    {': '}
                    {list.items
                      .filter((i) => i.destroyedOn)
                      .map((i) => (i.kind === 'brieven' ? t('retention.past.letters', { reference: i.reference }) : i.reference))
                      .join(', ')}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </>
      ) : null}
      {removing.state ? <RemoveDialog key={removing.state.shown} removal={removing.state.value} {...removing.control(() => void load())} /> : null}
      {approving.state ? (
        <ApproveDialog
          key={approving.state.shown}
          list={approving.state.value}
          registers={pending.filter((i) => i.kind === 'registratie').length}
          letters={pending.filter((i) => i.kind === 'brieven').length}
          {...approving.control((destroyed: DestructionListView['items']) => {
            const registers = destroyed.filter((i) => i.kind === 'registratie').length;
            const letters = destroyed.length - registers;
            const parts = [
              registers > 0 || letters === 0 ? t('retention.list.approved', { count: registers }) : null,
              letters > 0 ? t('retention.list.approvedLetters', { count: letters }) : null,
            ];
            setNotice({ intent: 'success', text: parts.filter(Boolean).join(' ') });
            void load();
          })}
        />
      ) : null}
    </Page>
  );
}

/** One item of the open destruction list, to take off it. */
interface Removal {
  listId: string;
  caseId: string;
  kind: DestructionKind;
  reference: string;
}

function RemoveDialog({ removal, ...control }: { removal: Removal } & DialogControl) {
  const api = useApi();
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { reference, ...item } = removal;
  return (
    <CallDialog
      {...control}
      title={t('retention.list.removeTitle', { reference })}
      submitLabel={t('retention.list.remove')}
      call={() => api.call('retention.removeItem', { ...item, reason })}
    >
      <Field label={t('retention.list.removeReason')} hint={t('retention.list.removeHint')} required>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
    </CallDialog>
  );
}

interface ApproveDialogProps extends DialogControl<DestructionListView['items']> {
  list: DestructionListView;
  registers: number;
  letters: number;
}

function ApproveDialog({ list, registers, letters, onDone, ...control }: ApproveDialogProps) {
  const api = useApi();
  const { t } = useTranslation();
  return (
    <CallDialog
      {...control}
      title={t('retention.list.approveTitle')}
      submitLabel={t('retention.list.approve')}
      call={() => api.call('retention.approve', { listId: list.id })}
      onDone={(approved) => onDone(approved.items.filter((i) => i.destroyedOn))}
    >
      {registers > 0 || letters === 0 ? <Text>{t('retention.list.approveText', { count: registers })}</Text> : null}
      {letters > 0 ? <Text>{t('retention.list.approveLetters', { count: letters })}</Text> : null}
    </CallDialog>
  );
}
