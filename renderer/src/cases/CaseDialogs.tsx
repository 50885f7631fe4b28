import { Field, Radio, RadioGroup, Select, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/cases/case-schemas.js';
import { REASON_REQUIRED, STATUS_LABELS, type CaseStatus } from '../../../shared/cases/cases.js';
import { useApi } from '../api/context.js';
import { useFormStyles } from '../ui/formStyles.js';
import { CallDialog } from '../ui/FormDialog.js';
import { useHandlers } from '../ui/hooks.js';
import { formatDay } from '../ui/format.js';

export type CaseDialogKind = 'transition' | 'extend' | 'assign';

interface CaseDialogProps {
  open: boolean;
  detail: CaseDetail;
  onClose: () => void;
  /** Done: the message for the success bar and, when the backend returned it, the updated case. */
  onDone: (message: string, updated?: CaseDetail) => void;
}

/** Statuses the case may move to now (the backend's allowedTransitions); a reason where the letter needs one. */
export function TransitionDialog({ open, detail, onClose, onDone }: CaseDialogProps) {
  const api = useApi();
  const { t } = useTranslation();
  const form = useFormStyles();
  const [to, setTo] = useState<CaseStatus>(detail.allowedTransitions[0] ?? detail.status);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const needsReason = REASON_REQUIRED.has(to);
  const missing = checked && needsReason && reason.trim() === '' ? t('case.transitionDialog.reasonRequired') : null;

  function request() {
    setChecked(true);
    if (needsReason && reason.trim() === '') return null;
    return api.call('case.transition', { id: detail.id, to, ...(needsReason ? { reason: reason.trim() } : {}) });
  }

  return (
    <CallDialog
      open={open}
      title={t('case.transitionDialog.title', { reference: detail.reference })}
      submitLabel={t('case.transitionDialog.submit')}
      onClose={onClose}
      call={request}
      onDone={(updated) => onDone(t('case.transitionDialog.done', { status: STATUS_LABELS[updated.status] }), updated)}
    >
      <Text as="p" block className={form.text}>
        {t('case.transitionDialog.current', { status: STATUS_LABELS[detail.status] })}
      </Text>
      <Field label={t('case.transitionDialog.to')} required>
        <Select value={to} autoFocus onChange={(_, d) => setTo(d.value as CaseStatus)}>
          {detail.allowedTransitions.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </Select>
      </Field>
      {needsReason ? (
        <Field label={t('case.transitionDialog.reason')} required hint={t('case.transitionDialog.reasonHint')} validationMessage={missing}>
          <Textarea value={reason} rows={4} resize="vertical" maxLength={2000} onChange={(_, d) => setReason(d.value)} />
        </Field>
      ) : null}
    </CallDialog>
  );
}

const MIN_REASON = 10;

/** Art. 12(3): one or two months more, with a reason, before the original due date; the letter becomes a task. */
export function ExtendDialog({ open, detail, onClose, onDone }: CaseDialogProps) {
  const api = useApi();
  const { t } = useTranslation();
  const form = useFormStyles();
  const [months, setMonths] = useState<1 | 2>(detail.extensionMonths >= 1 ? 2 : 1);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const tooShort = checked && reason.trim().length < MIN_REASON ? t('case.extendDialog.reasonTooShort') : null;

  function request() {
    setChecked(true);
    if (reason.trim().length < MIN_REASON) return null;
    return api.call('case.extend', { id: detail.id, months, reason: reason.trim() });
  }

  return (
    <CallDialog
      open={open}
      title={t('case.extendDialog.title', { reference: detail.reference })}
      submitLabel={t('case.extendDialog.submit')}
      onClose={onClose}
      call={request}
      onDone={(extended) => onDone(t('case.extendDialog.done', { date: formatDay(extended.dueOn), original: formatDay(extended.originalDueOn) }))}
    >
      <Text as="p" block className={form.text}>
        {t('case.extendDialog.intro', { date: formatDay(detail.originalDueOn) })}
      </Text>
      <Field label={t('case.extendDialog.months')} required>
        <RadioGroup value={String(months)} layout="horizontal" onChange={(_, d) => setMonths(d.value === '2' ? 2 : 1)}>
          <Radio value="1" label={t('case.extendDialog.month', { count: 1 })} disabled={detail.extensionMonths >= 1} />
          <Radio value="2" label={t('case.extendDialog.month', { count: 2 })} />
        </RadioGroup>
      </Field>
      <Field label={t('case.extendDialog.reason')} required hint={t('case.extendDialog.reasonHint')} validationMessage={tooShort}>
        <Textarea value={reason} rows={4} resize="vertical" maxLength={2000} onChange={(_, d) => setReason(d.value)} />
      </Field>
    </CallDialog>
  );
}

/** The dpo reassigns a case to any active handler. */
export function AssignDialog({ open, detail, onClose, onDone }: CaseDialogProps) {
  const api = useApi();
  const { t } = useTranslation();
  const form = useFormStyles();
  const handlers = useHandlers().filter((h) => h.id !== detail.handlerId);
  const [handlerId, setHandlerId] = useState('');
  const [checked, setChecked] = useState(false);
  const missing = checked && handlerId === '' ? t('case.assignDialog.required') : null;

  function request() {
    setChecked(true);
    if (handlerId === '') return null;
    return api.call('case.assign', { id: detail.id, handlerId });
  }

  return (
    <CallDialog
      open={open}
      title={t('case.assignDialog.title', { reference: detail.reference })}
      submitLabel={t('case.assignDialog.submit')}
      onClose={onClose}
      call={request}
      onDone={() => onDone(t('case.assignDialog.done', { name: handlers.find((h) => h.id === handlerId)?.fullName ?? '' }))}
    >
      <Text as="p" block className={form.text}>
        {t('case.assignDialog.current', { name: detail.handlerName ?? t('case.noHandler') })}
      </Text>
      <Field label={t('case.assignDialog.handler')} required validationMessage={missing}>
        <Select value={handlerId} autoFocus onChange={(_, d) => setHandlerId(d.value)}>
          <option value="">{t('case.assignDialog.choose')}</option>
          {handlers.map((handler) => (
            <option key={handler.id} value={handler.id}>
              {handler.fullName}
            </option>
          ))}
        </Select>
      </Field>
    </CallDialog>
  );
}
