import { Field, Input, makeStyles, mergeClasses, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureInput, ProcedureOutput } from '../../../shared/api/contract.js';
import type { ApiError } from '../../../shared/api/result.js';
import { isValidIsoDate } from '../../../shared/deadlines/dates.js';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, type DocumentType, type IdSubject } from '../../../shared/identity/identity-types.js';
import { useApi } from '../api/context.js';
import { useDebounced } from '../ui/hooks.js';
import { Fieldset } from '../ui/Fieldset.js';
import { ErrorBar } from '../ui/Notice.js';
import { mutedText } from '../ui/styles.js';
import { ChoiceSelect } from '../ui/ChoiceSelect.js';

export interface DocumentDraft {
  documentType: DocumentType;
  issuingCountry: string;
  documentNumber: string;
  expiry: string;
  surname: string;
  birthDate: string;
  /** As typed: one MRZ line per line. */
  mrz: string;
}

export function emptyDocument(): DocumentDraft {
  return { documentType: 'identiteitskaart', issuingCountry: 'NLD', documentNumber: '', expiry: '', surname: '', birthDate: '', mrz: '' };
}

type DocumentInput = NonNullable<ProcedureInput<'identity.record'>['document']>;

/** The entered document as the API takes it, or null while something required is missing. */
export function toDocument(draft: DocumentDraft): DocumentInput | null {
  const country = draft.issuingCountry.trim().toUpperCase();
  const number = draft.documentNumber.replace(/\s+/gu, '').toUpperCase();
  if (!/^[A-Z]{3}$/u.test(country) || number === '' || draft.surname.trim() === '' || !isValidIsoDate(draft.expiry) || !isValidIsoDate(draft.birthDate))
    return null;
  const lines = draft.mrz
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const document: DocumentInput = {
    documentType: draft.documentType,
    issuingCountry: country,
    documentNumber: number,
    expiry: draft.expiry,
    surname: draft.surname.trim(),
    birthDate: draft.birthDate,
  };
  if (lines.length > 0) document.mrz = lines.slice(0, 3);
  return document;
}

type Check = ProcedureOutput<'identity.check'>[number];

const useStyles = makeStyles({
  fieldset: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  legend: { marginBottom: tokens.spacingVerticalS },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
  },
  mrz: { fontFamily: tokens.fontFamilyMonospace },
  checks: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  checksTitle: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  check: { display: 'flex', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalS },
  icon: { fontSize: '18px', flexShrink: 0, marginTop: '1px' },
  ok: { color: tokens.colorStatusSuccessForeground1 },
  failed: { color: tokens.colorStatusDangerForeground1 },
  muted: mutedText,
});

const CHECK_DEBOUNCE_MS = 400;

/**
 * The identity document's data, with the backend's checks (validity, name, date of birth, number
 * format, MRZ check digits) shown live, each ✓ or ✗ with its Dutch message.
 */
export function DocumentFields({
  caseId,
  subject,
  value,
  onChange,
}: {
  caseId: string;
  subject: IdSubject;
  value: DocumentDraft;
  onChange: (value: DocumentDraft) => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const set = <K extends keyof DocumentDraft>(key: K, v: DocumentDraft[K]) => onChange({ ...value, [key]: v });
  const entered = toDocument(value);
  const settled = useDebounced(entered ? JSON.stringify(entered) : '', CHECK_DEBOUNCE_MS);
  const [checks, setChecks] = useState<Check[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    if (settled === '') {
      setChecks(null);
      setError(null);
      return;
    }
    let live = true;
    setChecking(true);
    void api.call('identity.check', { caseId, subject, document: JSON.parse(settled) as DocumentInput }).then((result) => {
      if (!live) return;
      setChecking(false);
      if (result.ok) {
        setChecks(result.value);
        setError(null);
      } else {
        setChecks(null);
        setError(result.error);
      }
    });
    return () => {
      live = false;
    };
  }, [api, caseId, subject, settled]);

  return (
    <Fieldset legend={t('identity.document.title')} className={styles.fieldset} legendClassName={styles.legend}>
      <div className={styles.grid}>
        <Field label={t('identity.document.type')} required>
          <ChoiceSelect value={value.documentType} options={DOCUMENT_TYPES} labels={DOCUMENT_TYPE_LABELS} onChange={(type) => set('documentType', type)} />
        </Field>
        <Field label={t('identity.document.country')} required hint={t('identity.document.countryHint')}>
          <Input
            value={value.issuingCountry}
            maxLength={3}
            autoComplete="off"
            spellCheck={false}
            onChange={(_, d) => set('issuingCountry', d.value.toUpperCase())}
          />
        </Field>
        <Field label={t('identity.document.number')} required>
          <Input
            value={value.documentNumber}
            maxLength={20}
            autoComplete="off"
            spellCheck={false}
            onChange={(_, d) => set('documentNumber', d.value.toUpperCase())}
          />
        </Field>
        <Field label={t('identity.document.expiry')} required>
          <Input type="date" value={value.expiry} onChange={(_, d) => set('expiry', d.value)} />
        </Field>
        <Field label={t('identity.document.surname')} required>
          <Input value={value.surname} autoComplete="off" onChange={(_, d) => set('surname', d.value)} />
        </Field>
        <Field label={t('identity.document.birthDate')} required>
          <Input type="date" value={value.birthDate} onChange={(_, d) => set('birthDate', d.value)} />
        </Field>
      </div>
      <Field label={t('identity.document.mrz')} hint={t('identity.document.mrzHint')}>
        <Textarea
          textarea={{ className: styles.mrz }}
          value={value.mrz}
          rows={3}
          resize="vertical"
          spellCheck={false}
          autoComplete="off"
          onChange={(_, d) => set('mrz', d.value.toUpperCase())}
        />
      </Field>
      <div className={styles.checks} role="status" aria-live="polite">
        <p className={styles.checksTitle}>{t('identity.document.checks')}</p>
        {checking ? <Spinner size="extra-tiny" label={t('identity.document.checking')} labelPosition="after" /> : null}
        {!entered ? <p className={styles.muted}>{t('identity.document.incomplete')}</p> : null}
        {entered && error ? <ErrorBar error={error} /> : null}
        {entered && checks ? (
          <ul className={styles.list}>
            {checks.map((check) => (
              <li key={check.check} className={styles.check}>
                {check.ok ? (
                  <CheckmarkCircleFilled className={mergeClasses(styles.icon, styles.ok)} aria-hidden />
                ) : (
                  <DismissCircleFilled className={mergeClasses(styles.icon, styles.failed)} aria-hidden />
                )}
                <span>
                  <span className="visually-hidden">{check.ok ? t('identity.document.passed') : t('identity.document.failed')}: </span>
                  {check.message}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Fieldset>
  );
}
