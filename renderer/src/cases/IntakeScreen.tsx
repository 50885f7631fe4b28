import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { DocumentAddRegular, OpenRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import {
  CHANNEL_LABELS,
  CHANNELS,
  CORRECTION_KINDS,
  dutchToday,
  RELATION_LABELS,
  RELATIONS,
  REPRESENTATION_AGE,
  REPRESENTATIVE_KINDS,
  REPRESENTATIVE_LABELS,
  REQUEST_TYPE_LABELS,
  STANDARD_REQUEST_TEXT,
  formalRequirementOf,
  type RepresentativeKind,
} from '../../../shared/cases/cases.js';
import { ageOn, isValidIsoDate } from '../../../shared/deadlines/dates.js';
import { REQUEST_TYPES, type RequestType } from '../../../shared/cases/request-types.js';
import { useApi } from '../api/context.js';
import { useSession } from '../api/session.js';
import { AddressField } from '../ui/AddressField.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { useFormStyles } from '../ui/formStyles.js';
import { useDebounced, useHandlers } from '../ui/hooks.js';
import { ErrorBar } from '../ui/Notice.js';
import { Page, Section } from '../ui/Page.js';
import { useSubmission } from '../ui/useSubmission.js';
import { formatDay } from '../ui/format.js';
import { useLoaded } from '../ui/useLoaded.js';
import { useSyncStatus } from '../sync/syncStatus.js';
import { canOpenCase, mayRegisterForOthers } from './access.js';
import { shortcutProps, SHORTCUTS, useShortcut } from '../ui/shortcuts.js';
import { HandlerSelect, LabelRadios, LabelSelect } from './choices.js';
import { DeadlinePreview, DuplicatesBar, NO_DUPLICATES, type Duplicates, type Preview } from './IntakeNotices.js';
import { EMAIL, emptyDraft, toInput, withType, type Draft } from './intakeDraft.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '880px' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
    // A native select is as wide as its longest option unless told otherwise.
    '& > *': { minWidth: 0 },
    '& select': { minWidth: 0, width: '100%' },
  },
  wide: { gridColumn: '1 / -1' },
  // The request types name their article ("Dataportabiliteit (§13, art. 20 AVG)"): one column is too narrow.
  double: { gridColumn: 'span 2' },
  kinds: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  hint: { margin: `0 0 0 ${tokens.spacingHorizontalXXL}`, color: tokens.colorNeutralForeground2, maxWidth: '72ch' },
  result: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '880px', ':focus': { outline: 'none' } },
});

type Created = ProcedureOutput<'case.create'> & { handlerId: string | null };

/**
 * Nieuw verzoek: registering a request as a case. Shows the due date while typing, warns of an
 * open request of the same kind for the same person, suggests a representative for a requester
 * under 16 on the day of receipt, and ends with the reference and the due date.
 */
export function IntakeScreen({ onOpenCase }: { onOpenCase: (caseId: string) => void }) {
  const api = useApi();
  const { staff } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const form = useFormStyles();
  const card = useCardStyles();
  const assignsOthers = mayRegisterForOthers(staff);
  // A handler's own request goes to them by default: the central database keeps a handler's cases by
  // handler, so on a desktop that syncs they cannot leave it unassigned at all.
  const ownDefault = !assignsOthers && staff.roles.includes('handler') ? staff.id : '';
  const syncs = useSyncStatus().status?.configured === true;
  const mustTakeOwn = !assignsOthers && syncs;
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(ownDefault));
  const [checked, setChecked] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicates>(NO_DUPLICATES);
  const [nameForDuplicates, setNameForDuplicates] = useState('');
  const { busy, error, setError, submit } = useSubmission();
  const resultRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const allHandlers = useHandlers();
  // Intake and the dpo get the handler with the fewest open cases filled in, until they choose themselves.
  const { value: suggestion, reload: suggestAgain } = useLoaded(useCallback(() => api.call('case.suggestHandler', {}), [api]));
  const handlerChosen = useRef(false);
  const suggestedId = assignsOthers ? (suggestion?.handlerId ?? null) : null;
  useEffect(() => {
    if (suggestedId === null || handlerChosen.current) return;
    setDraft((previous) => (previous.handlerId === '' ? { ...previous, handlerId: suggestedId } : previous));
  }, [suggestedId, suggestion]);
  useShortcut(SHORTCUTS.save, created || busy ? null : () => formRef.current?.requestSubmit());

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const today = dutchToday(new Date());
  const receivedValid = isValidIsoDate(draft.received) && draft.received <= today;
  const birthValid = isValidIsoDate(draft.birthDate);
  const age = birthValid && receivedValid && draft.birthDate <= draft.received ? ageOn(draft.birthDate, draft.received) : null;
  const needsRepresentative = (age !== null && age < REPRESENTATION_AGE) || draft.legallyIncapacitated;

  // The due date while typing: the backend's deadline engine (holidays included) answers.
  const previewKey = useDebounced(receivedValid ? `${draft.type}|${draft.received}` : '', 200);
  useEffect(() => {
    if (previewKey === '') {
      setPreview(null);
      return;
    }
    const [type, received] = previewKey.split('|') as [RequestType, string];
    let live = true;
    void api.call('deadline.preview', { type, received }).then((result) => {
      if (live) setPreview(result.ok ? result.value : null);
    });
    return () => {
      live = false;
    };
  }, [api, previewKey]);

  // Open requests of the same type for the same person: asked once the name is complete (on leaving the field).
  const birthForDuplicates = birthValid ? draft.birthDate : '';
  useEffect(() => {
    if (nameForDuplicates === '') {
      setDuplicates(NO_DUPLICATES);
      return;
    }
    let live = true;
    void api
      .call('case.duplicates', { type: draft.type, name: nameForDuplicates, ...(birthForDuplicates ? { birthDate: birthForDuplicates } : {}) })
      .then((result) => {
        if (live) setDuplicates(result.ok ? result.value : NO_DUPLICATES);
      });
    return () => {
      live = false;
    };
  }, [api, draft.type, nameForDuplicates, birthForDuplicates]);

  useEffect(() => {
    if (created) resultRef.current?.focus();
  }, [created]);

  const problems = {
    name: draft.name.trim() === '' ? t('validation.required', { field: t('intake.fields.name') }) : undefined,
    received: !isValidIsoDate(draft.received)
      ? t('validation.required', { field: t('intake.fields.received') })
      : draft.received > today
        ? t('intake.receivedFuture')
        : undefined,
    birthDate: birthValid && isValidIsoDate(draft.received) && draft.birthDate > draft.received ? t('intake.birthAfterReceived') : undefined,
    email: draft.email.trim() !== '' && !EMAIL.test(draft.email.trim()) ? t('intake.invalidEmail') : undefined,
    correctionKinds: draft.type === 'correctie' && draft.correctionKinds.length === 0 ? t('intake.correctionRequired') : undefined,
    representativeName:
      draft.hasRepresentative && draft.representativeName.trim() === ''
        ? t('validation.required', { field: t('intake.fields.representativeName') })
        : undefined,
  };
  const shown = (problem: string | undefined) => (checked ? (problem ?? null) : null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.values(problems).some((p) => p !== undefined)) {
      setError({ code: 'VALIDATION', message: t('validation.checkInput') });
      return;
    }
    const input = toInput(draft);
    const result = await submit(() => api.call('case.create', input));
    if (result.ok) setCreated({ ...result.value, handlerId: input.handlerId ?? null });
  }

  function another() {
    handlerChosen.current = false;
    void suggestAgain();
    setDraft(emptyDraft(ownDefault));
    setChecked(false);
    setCreated(null);
    setDuplicates(NO_DUPLICATES);
    setNameForDuplicates('');
    setError(null);
  }

  // Intake and the dpo assign to anyone; a handler registering a request can take it themselves.
  const handlerOptions = assignsOthers ? allHandlers : allHandlers.filter((h) => h.id === staff.id);

  if (created) {
    return (
      <Page title={t('intake.title')}>
        <div className={styles.result} ref={resultRef} tabIndex={-1}>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('intake.createdTitle')}</MessageBarTitle>
              <span>{t('intake.created', { reference: created.reference, date: formatDay(created.due) })}</span>
            </MessageBarBody>
            <MessageBarActions>
              {canOpenCase(staff, created.handlerId) ? (
                <Button appearance="primary" icon={<OpenRegular />} onClick={() => onOpenCase(created.id)}>
                  {t('intake.openCase')}
                </Button>
              ) : null}
              <Button icon={<DocumentAddRegular />} onClick={another}>
                {t('intake.another')}
              </Button>
            </MessageBarActions>
          </MessageBar>
          {created.possibleDuplicate ? <DuplicatesBar references={created.duplicates} /> : null}
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('intake.title')} intro={t('intake.intro')}>
      <form ref={formRef} className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate>
        {error ? <ErrorBar error={error} /> : null}

        <Section title={t('intake.sections.request')}>
          <div className={card.card}>
            <div className={styles.grid}>
              <Field label={t('intake.fields.type')} required className={styles.double}>
                <LabelSelect
                  value={draft.type}
                  values={REQUEST_TYPES}
                  labels={REQUEST_TYPE_LABELS}
                  onChange={(type) => setDraft((previous) => withType(previous, type))}
                />
              </Field>
              <Field label={t('intake.fields.channel')} required className={styles.wide}>
                <LabelRadios value={draft.channel} values={CHANNELS} labels={CHANNEL_LABELS} onChange={(channel) => set('channel', channel)} />
              </Field>
              <Field label={t('intake.fields.received')} required validationMessage={shown(problems.received)}>
                <Input type="date" value={draft.received} max={today} onChange={(_, d) => set('received', d.value)} />
              </Field>
              {draft.type === 'correctie' ? (
                <fieldset
                  className={mergeClasses(styles.fieldset, styles.wide)}
                  aria-describedby={problems.correctionKinds && checked ? 'correction-kinds-error' : undefined}
                >
                  <legend className={styles.legend}>{t('intake.fields.correctionKinds')}</legend>
                  <div className={styles.kinds}>
                    {CORRECTION_KINDS.map((kind) => (
                      <Checkbox
                        key={kind}
                        label={t(`correctionKinds.${kind}`)}
                        checked={draft.correctionKinds.includes(kind)}
                        onChange={(_, d) =>
                          set(
                            'correctionKinds',
                            CORRECTION_KINDS.filter((k) => (k === kind ? d.checked === true : draft.correctionKinds.includes(k))),
                          )
                        }
                      />
                    ))}
                  </div>
                  {checked && problems.correctionKinds ? (
                    <Text id="correction-kinds-error" size={200} className={styles.error} role="alert">
                      {problems.correctionKinds}
                    </Text>
                  ) : null}
                </fieldset>
              ) : null}
              <div className={styles.wide}>
                <DeadlinePreview preview={preview} />
              </div>
              <div className={styles.wide}>
                <Checkbox
                  label={
                    formalRequirementOf(draft.type) === 'schriftelijk_gemotiveerd' ? t('intake.fields.writtenAndReasoned') : t('intake.fields.writtenAndSigned')
                  }
                  checked={draft.writtenAndSigned}
                  aria-describedby="written-hint"
                  onChange={(_, d) => set('writtenAndSigned', d.checked === true)}
                />
                <Text as="p" block id="written-hint" size={200} className={styles.hint}>
                  {formalRequirementOf(draft.type) === 'schriftelijk_gemotiveerd'
                    ? t('intake.fields.reasonedHint')
                    : formalRequirementOf(draft.type)
                      ? t('intake.fields.writtenHint')
                      : t('intake.fields.writtenNotRequired')}
                </Text>
              </div>
              <Field
                label={t('intake.fields.requestText')}
                className={styles.wide}
                hint={STANDARD_REQUEST_TEXT[draft.type] === draft.requestText ? t('intake.fields.requestTextStandard') : null}
              >
                <Textarea value={draft.requestText} resize="vertical" rows={4} maxLength={20_000} onChange={(_, d) => set('requestText', d.value)} />
              </Field>
            </div>
          </div>
        </Section>

        <Section title={t('intake.sections.requester')}>
          <div className={card.card}>
            <div className={styles.grid}>
              <Field label={t('intake.fields.name')} required validationMessage={shown(problems.name)}>
                <Input value={draft.name} autoComplete="off" onChange={(_, d) => set('name', d.value)} onBlur={() => setNameForDuplicates(draft.name.trim())} />
              </Field>
              <Field label={t('intake.fields.birthDate')} validationMessage={shown(problems.birthDate)}>
                <Input type="date" value={draft.birthDate} max={today} onChange={(_, d) => set('birthDate', d.value)} />
              </Field>
              <Field label={t('intake.fields.relation')} required>
                <LabelSelect value={draft.relation} values={RELATIONS} labels={RELATION_LABELS} onChange={(relation) => set('relation', relation)} />
              </Field>
              <Field label={t('intake.fields.customerNumber')}>
                <Input value={draft.customerNumber} autoComplete="off" onChange={(_, d) => set('customerNumber', d.value)} />
              </Field>
              <Field label={t('intake.fields.email')} validationMessage={shown(problems.email)}>
                <Input type="email" value={draft.email} autoComplete="off" onChange={(_, d) => set('email', d.value)} />
              </Field>
              <Field label={t('intake.fields.phone')}>
                <Input type="tel" value={draft.phone} autoComplete="off" onChange={(_, d) => set('phone', d.value)} />
              </Field>
              <AddressField label={t('intake.fields.address')} value={draft.address} onChange={(address) => set('address', address)} className={styles.wide} />
              <Checkbox
                className={styles.wide}
                label={t('intake.fields.legallyIncapacitated')}
                checked={draft.legallyIncapacitated}
                onChange={(_, d) => set('legallyIncapacitated', d.checked === true)}
              />
            </div>
            {duplicates.possibleDuplicate ? <DuplicatesBar references={duplicates.references} /> : null}
          </div>
        </Section>

        <Section title={t('intake.sections.representative')}>
          <div className={card.card}>
            {needsRepresentative && !draft.hasRepresentative ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t('intake.representativeSuggested')}</MessageBarTitle>
                  {age !== null && age < REPRESENTATION_AGE ? t('intake.under16', { age }) : t('intake.incapacitated')}
                </MessageBarBody>
                <MessageBarActions>
                  <Button
                    icon={<PersonAddRegular />}
                    onClick={() => setDraft((previous) => ({ ...previous, hasRepresentative: true, representativeKind: 'wettelijk_vertegenwoordiger' }))}
                  >
                    {t('intake.addRepresentative')}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            ) : null}
            <Checkbox
              label={t('intake.fields.hasRepresentative')}
              checked={draft.hasRepresentative}
              onChange={(_, d) => set('hasRepresentative', d.checked === true)}
            />
            {draft.hasRepresentative ? (
              <div className={styles.grid}>
                <Field label={t('intake.fields.representativeKind')} className={styles.wide}>
                  <RadioGroup
                    value={draft.representativeKind}
                    layout="horizontal"
                    onChange={(_, d) => set('representativeKind', d.value as RepresentativeKind)}
                  >
                    {REPRESENTATIVE_KINDS.map((kind) => (
                      <Radio key={kind} value={kind} label={REPRESENTATIVE_LABELS[kind]} />
                    ))}
                  </RadioGroup>
                </Field>
                <Field label={t('intake.fields.representativeName')} required validationMessage={shown(problems.representativeName)}>
                  <Input value={draft.representativeName} autoComplete="off" onChange={(_, d) => set('representativeName', d.value)} />
                </Field>
                <Field label={t('intake.fields.representativeBasis')} hint={t('intake.fields.representativeBasisHint')}>
                  <Input value={draft.representativeBasis} autoComplete="off" onChange={(_, d) => set('representativeBasis', d.value)} />
                </Field>
              </div>
            ) : null}
          </div>
        </Section>

        <Section title={t('intake.sections.handling')}>
          <div className={card.card}>
            <Field
              label={t('intake.fields.handler')}
              hint={
                suggestedId !== null && draft.handlerId === suggestedId
                  ? t('intake.fields.handlerSuggested', { count: suggestion?.openCases ?? 0 })
                  : t('intake.fields.handlerHint')
              }
              className={form.narrow}
            >
              <HandlerSelect
                value={draft.handlerId}
                handlers={handlerOptions}
                none={mustTakeOwn ? null : t('intake.fields.handlerNone')}
                onChange={(handlerId) => {
                  handlerChosen.current = true;
                  set('handlerId', handlerId);
                }}
              />
            </Field>
          </div>
        </Section>

        <div className={form.actions}>
          <Button
            appearance="primary"
            type="submit"
            icon={<DocumentAddRegular />}
            disabledFocusable={busy}
            {...shortcutProps(t('intake.submit'), SHORTCUTS.save)}
          >
            {t('intake.submit')}
          </Button>
          {busy ? <Spinner size="tiny" label={t('intake.busy')} /> : null}
        </div>
      </form>
    </Page>
  );
}
