import { Button, Checkbox, Field, makeStyles, Radio, RadioGroup, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureInput } from '../../../shared/api/contract.js';
import {
  AUTHORITY_KINDS,
  AUTHORITY_LABELS,
  DOCUMENT_METHODS,
  ID_METHOD_LABELS,
  ID_METHODS,
  ID_OUTCOME_LABELS,
  ID_OUTCOMES,
  type AuthorityKind,
  type IdMethod,
  type IdOutcome,
} from '../../../shared/identity/identity-types.js';
import { useApi } from '../api/context.js';
import { ErrorBar } from '../ui/Notice.js';
import { useSubmission } from '../ui/useSubmission.js';
import { CopySection, type CopySectionProps } from './CopySection.js';
import { DocumentFields, emptyDocument, toDocument, type DocumentDraft } from './DocumentFields.js';
import type { IdentityRecord } from './IdentityTab.js';
import { actionRow } from '../ui/styles.js';
import { ChoiceSelect } from '../ui/ChoiceSelect.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  narrow: { maxWidth: '560px' },
  actions: actionRow,
});

/** What the copy part needs (the form passes it on when the method is a copy), and where the recorded outcome goes. */
interface IdentityFormProps extends CopySectionProps {
  onRecorded: (record: IdentityRecord) => void;
}

/**
 * Establishing one subject's identity: the method, the copy (uploaded and masked) or the document
 * data with live checks, the representative's authority, and the outcome with its reason.
 */
export function IdentityForm({ caseId, subject, copies, onNotice, onChanged, onRecorded }: IdentityFormProps) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const [method, setMethod] = useState<IdMethod | ''>('');
  const [document, setDocument] = useState<DocumentDraft>(emptyDocument);
  const [authority, setAuthority] = useState<AuthorityKind | ''>('');
  const [authorityChecked, setAuthorityChecked] = useState(false);
  const [customerDataMatch, setCustomerDataMatch] = useState(false);
  const [outcome, setOutcome] = useState<IdOutcome>('geverifieerd');
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmission();
  const headingId = `identity-form-${subject}`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (method === '') return;
    const input: ProcedureInput<'identity.record'> = { caseId, subject, method, outcome };
    if (reason.trim() !== '') input.reason = reason.trim();
    if (DOCUMENT_METHODS.has(method)) {
      const entered = toDocument(document);
      if (entered) input.document = entered;
    }
    if (subject === 'vertegenwoordiger') {
      if (authority !== '') input.authority = authority;
      input.authorityChecked = authorityChecked;
    }
    if (method === 'klantgegevens') input.customerDataMatch = customerDataMatch;
    const result = await submit(() => api.call('identity.record', input));
    if (result.ok) onRecorded(result.value);
  }

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3 id={headingId} className={styles.heading}>
        {t('identity.formTitle')}
      </h3>
      <Field label={t('identity.method')} required>
        <RadioGroup value={method} onChange={(_, d) => setMethod(d.value as IdMethod)}>
          {ID_METHODS.map((m) => (
            <Radio key={m} value={m} label={ID_METHOD_LABELS[m]} />
          ))}
        </RadioGroup>
      </Field>

      {method === 'kopie' ? <CopySection caseId={caseId} subject={subject} copies={copies} onNotice={onNotice} onChanged={onChanged} /> : null}
      {method !== '' && DOCUMENT_METHODS.has(method) ? <DocumentFields caseId={caseId} subject={subject} value={document} onChange={setDocument} /> : null}

      {method !== '' && subject === 'vertegenwoordiger' ? (
        <div className={styles.narrow}>
          <Field label={t('identity.authority.kind')} required>
            <ChoiceSelect
              value={authority}
              options={AUTHORITY_KINDS}
              labels={AUTHORITY_LABELS}
              placeholder={t('identity.authority.choose')}
              onChange={setAuthority}
            />
          </Field>
          <Checkbox label={t('identity.authority.checked')} checked={authorityChecked} onChange={(_, d) => setAuthorityChecked(d.checked === true)} />
        </div>
      ) : null}
      {method === 'klantgegevens' ? (
        <Checkbox label={t('identity.customerDataMatch')} checked={customerDataMatch} onChange={(_, d) => setCustomerDataMatch(d.checked === true)} />
      ) : null}

      {method !== '' ? (
        <>
          <Field label={t('identity.outcome')} required>
            <RadioGroup value={outcome} layout="horizontal" onChange={(_, d) => setOutcome(d.value as IdOutcome)}>
              {ID_OUTCOMES.map((o) => (
                <Radio key={o} value={o} label={ID_OUTCOME_LABELS[o]} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t('identity.reason')} hint={t('identity.reasonHint')} required={outcome !== 'geverifieerd'} className={styles.narrow}>
            <Textarea value={reason} rows={3} resize="vertical" maxLength={2000} onChange={(_, d) => setReason(d.value)} />
          </Field>
          {error ? <ErrorBar error={error} /> : null}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" icon={<SaveRegular />} disabledFocusable={busy}>
              {t('identity.submit')}
            </Button>
            {busy ? <Spinner size="tiny" /> : null}
          </div>
        </>
      ) : null}
    </form>
  );
}
