import { Button, Field, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRetentionView } from '../../../shared/retention/retention-contract.js';
import type { ApiError } from '../../../shared/api/result.js';
import { HOLD_KINDS, type HoldKind } from '../../../shared/retention/retention.js';
import { useApi } from '../api/context.js';
import { Card } from '../ui/Card.js';
import { DetailList } from '../ui/DetailList.js';
import { CallDialog } from '../ui/FormDialog.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { formatDate, formatDay } from '../ui/format.js';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  holds: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

/**
 * "Wordt vernietigd op" on the case's overview: when the file on this desktop and the register
 * record will be destroyed, and the holds that stop it (placed by the dpo or the handler, lifted
 * by the dpo).
 */
export function RetentionCard({ caseId }: { caseId: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const [view, setView] = useState<CaseRetentionView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dialog, setDialog] = useState<{ holdId: string | null; open: boolean; shown: number } | null>(null);

  const load = useCallback(async () => {
    const result = await api.call('retention.forCase', { caseId });
    if (result.ok) setView(result.value);
    else setError(result.error);
  }, [api, caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  const close = () => setDialog((d) => (d ? { ...d, open: false } : null));
  const done = (updated: CaseRetentionView, message: string) => {
    close();
    setView(updated);
    setNotice({ intent: 'success', text: message });
  };
  const local = view?.local;
  const day = (date: string | null | undefined) => (date ? formatDay(date) : null);

  return (
    <Card headingId="overview-retention" title={t('caseRetention.title')}>
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {error ? <ErrorBar error={error} /> : null}
      {view && local ? (
        <>
          {view.closedOn === null ? <p className={styles.muted}>{t('caseRetention.open')}</p> : null}
          <DetailList
            items={[
              { term: t('caseRetention.closedOn'), value: day(view.closedOn) },
              { term: t('caseRetention.local'), value: view.closedOn ? t(`retention.state.${local.state}`) : null },
              { term: t('caseRetention.appealEndsOn'), value: local.shreddedOn ? null : day(local.appealEndsOn) },
              { term: t('caseRetention.graceEndsOn'), value: local.shreddedOn ? null : day(local.graceEndsOn) },
              { term: t('caseRetention.shredOn'), value: local.shreddedOn || local.state === 'bewaarplicht' ? null : day(local.shredOn) },
              { term: t('caseRetention.shreddedOn'), value: day(local.shreddedOn) },
              {
                term: t('caseRetention.register'),
                value:
                  view.register.destroyOn && !view.register.held
                    ? `${formatDay(view.register.destroyOn)} (${view.register.onList ? t('caseRetention.onList') : t('caseRetention.registerNote')})`
                    : null,
              },
            ]}
          />
          {view.closedOn && !local.synced && !local.shreddedOn ? <p className={styles.muted}>{t('caseRetention.notSynced')}</p> : null}
          <h3 className={styles.heading}>{t('caseRetention.holds')}</h3>
          {view.holds.length === 0 ? (
            <p className={styles.muted}>{t('caseRetention.noHolds')}</p>
          ) : (
            <ul className={styles.holds}>
              {view.holds.map((h) => (
                <li key={h.id}>
                  {t('caseRetention.holdBy', {
                    kind: t(`caseRetention.kinds.${h.kind}`),
                    reason: h.reason,
                    by: h.placedBy ?? '',
                    date: formatDate(h.placedAt),
                  })}
                  {h.active
                    ? null
                    : ` — ${t('caseRetention.liftedBy', { by: h.liftedBy ?? '', date: h.liftedAt ? formatDate(h.liftedAt) : '', reason: h.liftReason ?? '' })}`}
                  {h.active && view.mayLiftHold ? (
                    <>
                      {' '}
                      <Button size="small" onClick={() => setDialog((d) => ({ holdId: h.id, open: true, shown: (d?.shown ?? 0) + 1 }))}>
                        {t('caseRetention.lift')}
                      </Button>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {view.mayPlaceHold && !local.shreddedOn ? (
            <div>
              <Button icon={<LockClosedRegular />} onClick={() => setDialog((d) => ({ holdId: null, open: true, shown: (d?.shown ?? 0) + 1 }))}>
                {t('caseRetention.place')}
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
      {dialog ? <HoldDialog key={dialog.shown} caseId={caseId} holdId={dialog.holdId} open={dialog.open} onClose={close} onDone={done} /> : null}
    </Card>
  );
}

function HoldDialog({
  caseId,
  holdId,
  open,
  onClose,
  onDone,
}: {
  caseId: string;
  holdId: string | null;
  open: boolean;
  onClose: () => void;
  onDone: (view: CaseRetentionView, message: string) => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const [kind, setKind] = useState<HoldKind>('bewaarplicht');
  const [reason, setReason] = useState('');
  const placing = holdId === null;
  return (
    <CallDialog
      open={open}
      title={placing ? t('caseRetention.placeTitle') : t('caseRetention.liftTitle')}
      submitLabel={placing ? t('caseRetention.place') : t('caseRetention.lift')}
      onClose={onClose}
      call={() => (placing ? api.call('retention.placeHold', { caseId, kind, reason }) : api.call('retention.liftHold', { caseId, holdId, reason }))}
      onDone={(view) => onDone(view, placing ? t('caseRetention.placed') : t('caseRetention.lifted'))}
    >
      {placing ? (
        <Field label={t('caseRetention.kind')}>
          <Select value={kind} onChange={(_, d) => setKind(d.value as HoldKind)}>
            {HOLD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`caseRetention.kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label={t('caseRetention.reason')} required>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
    </CallDialog>
  );
}
