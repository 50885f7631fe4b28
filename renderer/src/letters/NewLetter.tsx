import { Button, Field, makeStyles, Select, Spinner, Text } from '@fluentui/react-components';
import { DocumentAddRegular } from '@fluentui/react-icons';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/cases/case-schemas.js';
import type { LetterKind } from '../../../shared/letters/types.js';
import { activitiesFromDossier } from '../../../shared/letters/register.js';
import { useApi } from '../api/context.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { ErrorBar } from '../ui/Notice.js';
import { useSubmission } from '../ui/useSubmission.js';
import type { Activity } from './ActivitiesPicker.js';
import { KindFields, type ThirdParty } from './KindFields.js';
import { draftInput, emptyForm, type LetterForm } from './letterForm.js';
import type { LetterKindInfo, LetterSummary } from './letterTypes.js';
import { actionRow, mutedText, sectionHeading } from '../ui/styles.js';

const useStyles = makeStyles({
  heading: sectionHeading,
  // Room for the longest kind with its article, whole.
  kind: { maxWidth: '680px' },
  actions: actionRow,
  muted: mutedText,
});

/** The kind a handler most likely wants first: the decision for this type once the decision is near, else the first that fits. */
function preferredKind(kinds: readonly LetterKindInfo[], detail: CaseDetail): LetterKind | '' {
  const decision = kinds.find((k) => k.decision && k.caseTypes?.includes(detail.type) && k.kind !== 'afwijzing');
  if (decision && (detail.status === 'besluit_in_concept' || detail.status === 'in_behandeling' || detail.status === 'derden_horen')) return decision.kind;
  return kinds[0]?.kind ?? '';
}

interface NewLetterProps {
  detail: CaseDetail;
  kinds: LetterKindInfo[];
  onCancel: () => void;
  onDrafted: (letter: LetterSummary) => void;
}

/**
 * "Nieuwe brief": the kinds that fit the case now, and what the chosen kind needs from the handler
 * (reasons, outcome, the processing activities for an access decision …). The backend fills the
 * rest from the case and the template and returns a concept to read and edit.
 */
export function NewLetter({ detail, kinds, onCancel, onDrafted }: NewLetterProps) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const card = useCardStyles();
  const [kind, setKind] = useState<LetterKind | ''>(() => preferredKind(kinds, detail));
  const [form, setForm] = useState<LetterForm>(emptyForm);
  const [thirdParties, setThirdParties] = useState<ThirdParty[] | null>(null);
  const [activities, setActivities] = useState<{ list: Activity[]; fromDossier: boolean } | null>(null);
  const { busy, error, setError, submit } = useSubmission();
  const set = (patch: Partial<LetterForm>) => setForm((previous) => ({ ...previous, ...patch }));
  // The case gives the addressee unless the address is missing or a gemachtigde asked.
  const hasAddress = detail.requester.address !== null && detail.representative?.kind !== 'gemachtigde';

  useEffect(() => {
    if (kind !== 'zienswijze-derde' || thirdParties !== null) return;
    let live = true;
    void api.call('thirdParty.list', { caseId: detail.id }).then((result) => {
      if (!live) return;
      if (result.ok) setThirdParties(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api, detail.id, kind, thirdParties, setError]);

  // The activities ticked for the case before; the first time, those its dossier points at (the
  // sources of its documents, the systems where data was found), for the handler to check.
  useEffect(() => {
    if ((kind !== 'besluit-inzage' && kind !== 'besluit-afwijzing-inzage') || activities !== null) return;
    let live = true;
    const caseId = detail.id;
    void Promise.all([
      api.call('register.list', { includeInactive: false }),
      api.call('case.activities', { caseId }),
      api.call('dossier.list', { caseId }),
      api.call('sources.checklist', { caseId }),
    ]).then(([register, ticked, documents, searched]) => {
      if (!live) return;
      if (!register.ok) setError(register.error);
      else if (!ticked.ok) setError(ticked.error);
      else {
        const fromDossier = activitiesFromDossier(
          register.value.map((a) => a.id),
          documents.ok ? documents.value.map((d) => d.source) : [],
          searched.ok ? searched.value.filter((c) => c.searched?.found === true).map((c) => c.activityId) : [],
        );
        const earlier = ticked.value.activityIds;
        setActivities({ list: register.value, fromDossier: earlier.length === 0 && fromDossier.length > 0 });
        setForm((previous) => ({ ...previous, activityIds: earlier.length > 0 ? earlier : fromDossier }));
      }
    });
    return () => {
      live = false;
    };
  }, [api, detail.id, kind, activities, setError]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy || kind === '') return;
    const filled = { ...form, otherAddressee: form.otherAddressee || !hasAddress };
    if (kind === 'besluit-inzage' || (kind === 'besluit-afwijzing-inzage' && form.accessOutcome === 'deels')) {
      const ticked = await submit(() => api.call('case.selectActivities', { caseId: detail.id, activityIds: form.activityIds }));
      if (!ticked.ok) return;
    }
    const result = await submit(() => api.call('letter.draft', draftInput(detail.id, kind, filled)));
    if (result.ok) onDrafted(result.value);
  }

  return (
    <section className={card.card} aria-labelledby="new-letter-heading">
      <h2 id="new-letter-heading" className={styles.heading}>
        {t('letters.form.title')}
      </h2>
      <form onSubmit={(event) => void onSubmit(event)} noValidate style={{ display: 'contents' }}>
        {kinds.length === 0 ? <Text className={styles.muted}>{t('letters.form.noKinds')}</Text> : null}
        <Field className={styles.kind} label={t('letters.form.kind')} required>
          <Select value={kind} autoFocus onChange={(_, d) => setKind(d.value as LetterKind)}>
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </Select>
        </Field>
        {kind !== '' ? <KindFields kind={kind} form={form} set={set} hasAddress={hasAddress} thirdParties={thirdParties} activities={activities} /> : null}
        {error ? <ErrorBar error={error} /> : null}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" icon={<DocumentAddRegular />} disabledFocusable={busy || kind === ''}>
            {t('letters.form.submit')}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          {busy ? <Spinner size="tiny" label={t('letters.form.busy')} /> : null}
        </div>
      </form>
    </section>
  );
}
