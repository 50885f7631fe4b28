import { Field, Radio, RadioGroup, Text, Textarea } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/cases/case-schemas.js';
import type { Result } from '../../../shared/api/result.js';
import { REASON_REQUIRED, STATUS_LABELS, type CaseStatus } from '../../../shared/cases/cases.js';
import { useApi } from '../api/context.js';
import { useFormStyles } from '../ui/formStyles.js';
import { CallDialog } from '../ui/FormDialog.js';
import { useHandlers } from '../ui/hooks.js';
import { formatDay } from '../ui/format.js';
import { HandlerSelect, LabelSelect } from './choices.js';

export type CaseDialogKind = 'transition' | 'extend' | 'assign';

interface CaseDialogProps {
  open: boolean;
  detail: CaseDetail;
  onClose: () => void;
  /** Done: the message for the success bar and, when the backend returned it, the updated case. */
  onDone: (message: string, updated?: CaseDetail) => void;
}

/**
 * The frame the three dialogs share: title and button from their texts (`case.<texts>.title`,
 * `.submit`), what holds now as the first line, and the call made only once `problem` is gone
 * (the problem shows from the first attempt on).
 */
function CaseDialog<T>({
  texts,
  frame: { detail, open, onClose },
  intro,
  problem,
  call,
  onDone,
  children,
}: {
  texts: 'transitionDialog' | 'extendDialog' | 'assignDialog';
  frame: Pick<CaseDialogProps, 'detail' | 'open' | 'onClose'>;
  intro: string;
  problem: boolean;
  call: () => Promise<Result<T>>;
  onDone: (value: T) => void;
  children: (shown: boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  const form = useFormStyles();
  const [checked, setChecked] = useState(false);
  return (
    <CallDialog
      open={open}
      title={t(`case.${texts}.title`, { reference: detail.reference })}
      submitLabel={t(`case.${texts}.submit`)}
      onClose={onClose}
      call={() => {
        setChecked(true);
        return problem ? null : call();
      }}
      onDone={onDone}
    >
      <Text as="p" block className={form.text}>
        {intro}
      </Text>
      {children(checked && problem)}
    </CallDialog>
  );
}

/** The reason a status change or an extension gives, which the letter to the requester repeats. */
function ReasonField({
  texts,
  value,
  onChange,
  problem,
}: {
  texts: 'transitionDialog' | 'extendDialog';
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t(`case.${texts}.reason`)} required hint={t(`case.${texts}.reasonHint`)} validationMessage={problem}>
      <Textarea value={value} rows={4} resize="vertical" maxLength={2000} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

/** Statuses the case may move to now (the backend's allowedTransitions); a reason where the letter needs one. */
export function TransitionDialog(props: CaseDialogProps) {
  const { detail, onDone } = props;
  const api = useApi();
  const { t } = useTranslation();
  const [to, setTo] = useState<CaseStatus>(detail.allowedTransitions[0] ?? detail.status);
  const [reason, setReason] = useState('');
  const needsReason = REASON_REQUIRED.has(to);
  return (
    <CaseDialog
      texts="transitionDialog"
      frame={props}
      intro={t('case.transitionDialog.current', { status: STATUS_LABELS[detail.status] })}
      problem={needsReason && reason.trim() === ''}
      call={() => api.call('case.transition', { id: detail.id, to, ...(needsReason ? { reason: reason.trim() } : {}) })}
      onDone={(updated) => onDone(t('case.transitionDialog.done', { status: STATUS_LABELS[updated.status] }), updated)}
    >
      {(missing) => (
        <>
          <Field label={t('case.transitionDialog.to')} required>
            <LabelSelect value={to} values={detail.allowedTransitions} labels={STATUS_LABELS} autoFocus onChange={setTo} />
          </Field>
          {needsReason ? (
            <ReasonField texts="transitionDialog" value={reason} onChange={setReason} problem={missing ? t('case.transitionDialog.reasonRequired') : null} />
          ) : null}
        </>
      )}
    </CaseDialog>
  );
}

const MIN_REASON = 10;

/** Art. 12(3): one or two months more, with a reason, before the original due date; the letter becomes a task. */
export function ExtendDialog(props: CaseDialogProps) {
  const { detail, onDone } = props;
  const api = useApi();
  const { t } = useTranslation();
  const [months, setMonths] = useState<1 | 2>(detail.extensionMonths >= 1 ? 2 : 1);
  const [reason, setReason] = useState('');
  return (
    <CaseDialog
      texts="extendDialog"
      frame={props}
      intro={t('case.extendDialog.intro', { date: formatDay(detail.originalDueOn) })}
      problem={reason.trim().length < MIN_REASON}
      call={() => api.call('case.extend', { id: detail.id, months, reason: reason.trim() })}
      onDone={(extended) => onDone(t('case.extendDialog.done', { date: formatDay(extended.dueOn), original: formatDay(extended.originalDueOn) }))}
    >
      {(tooShort) => (
        <>
          <Field label={t('case.extendDialog.months')} required>
            <RadioGroup value={String(months)} layout="horizontal" onChange={(_, d) => setMonths(d.value === '2' ? 2 : 1)}>
              <Radio value="1" label={t('case.extendDialog.month', { count: 1 })} disabled={detail.extensionMonths >= 1} />
              <Radio value="2" label={t('case.extendDialog.month', { count: 2 })} />
            </RadioGroup>
          </Field>
          <ReasonField texts="extendDialog" value={reason} onChange={setReason} problem={tooShort ? t('case.extendDialog.reasonTooShort') : null} />
        </>
      )}
    </CaseDialog>
  );
}

/** The dpo reassigns a case to any active handler. */
export function AssignDialog(props: CaseDialogProps) {
  const { detail, onDone } = props;
  const api = useApi();
  const { t } = useTranslation();
  const handlers = useHandlers().filter((h) => h.id !== detail.handlerId);
  const [handlerId, setHandlerId] = useState('');
  return (
    <CaseDialog
      texts="assignDialog"
      frame={props}
      intro={t('case.assignDialog.current', { name: detail.handlerName ?? t('case.noHandler') })}
      problem={handlerId === ''}
      call={() => api.call('case.assign', { id: detail.id, handlerId })}
      onDone={() => onDone(t('case.assignDialog.done', { name: handlers.find((h) => h.id === handlerId)?.fullName ?? '' }))}
    >
      {(missing) => (
        <Field label={t('case.assignDialog.handler')} required validationMessage={missing ? t('case.assignDialog.required') : null}>
          <HandlerSelect value={handlerId} handlers={handlers} none={t('case.assignDialog.choose')} autoFocus onChange={setHandlerId} />
        </Field>
      )}
    </CaseDialog>
  );
}
