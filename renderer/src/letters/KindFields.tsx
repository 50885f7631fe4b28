import { Button, Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import { dutchToday } from '../../../shared/cases/cases.js';
import type { LetterKind } from '../../../shared/letters/types.js';
import { ActivitiesPicker, type Activity } from './ActivitiesPicker.js';
import { ACCESS_REFUSAL_GROUNDS, type AccessRefusalGround, type InadmissibleGround } from '../../../shared/letters/data.js';
import {
  newKey,
  type Change,
  type ChangeDecision,
  type ComplaintOutcome,
  type LetterForm,
  type NotInformedGround,
  type Outcome,
  type RecipientChangeRow,
  type RefusalGround,
  type Withheld,
} from './letterForm.js';
import { fieldsetStyles } from '../ui/fieldsetStyles.js';
import { AddressField } from '../ui/AddressField.js';

export type ThirdParty = ProcedureOutput<'thirdParty.list'>[number];

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  ...fieldsetStyles(tokens.spacingVerticalS),
  repeat: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'end',
    // Fluent's Input has a minimum width wider than these columns.
    '& .fui-Input': { minWidth: 0 },
  },
  change: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 1fr) minmax(140px, auto) auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'end',
    // Fluent's Input has a minimum width wider than these columns.
    '& .fui-Input': { minWidth: 0 },
  },
  muted: { color: tokens.colorNeutralForeground2 },
  add: { alignSelf: 'flex-start' },
  date: { maxWidth: '220px' },
});

interface KindFieldsProps {
  kind: LetterKind;
  form: LetterForm;
  set: (patch: Partial<LetterForm>) => void;
  /** Whether the case gives the addressee (the requester's address; not a gemachtigde); otherwise the form asks for one. */
  hasAddress: boolean;
  thirdParties: ThirdParty[] | null;
  /** The register; `fromDossier`: the ticks came from the dossier, not from the handler. */
  activities: { list: Activity[]; fromDossier: boolean } | null;
}

/** The data a letter kind needs besides the case (shared/letters/letter-schemas.ts: letterDataSchemas). */
export function KindFields({ kind, form, set, hasAddress, thirdParties, activities }: KindFieldsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const today = dutchToday(new Date());
  const replyBy = (
    <Field label={t('letters.form.replyBy')} hint={t('letters.form.replyByHint')}>
      <Input className={styles.date} type="date" min={today} value={form.replyBy} onChange={(_, d) => set({ replyBy: d.value })} />
    </Field>
  );
  const reasons = (required: boolean, label: string = t('letters.form.reasons')) => (
    <Field label={label} required={required}>
      <Textarea value={form.reasons} resize="vertical" rows={4} onChange={(_, d) => set({ reasons: d.value })} />
    </Field>
  );
  const outcome = (
    <Field label={t('letters.form.outcome')} required>
      <RadioGroup layout="horizontal" value={form.outcome} onChange={(_, d) => set({ outcome: d.value as Outcome })}>
        <Radio value="toegewezen" label={t('letters.form.outcomes.toegewezen')} />
        <Radio value="deels" label={t('letters.form.outcomes.deels')} />
        <Radio value="afgewezen" label={t('letters.form.outcomes.afgewezen')} />
      </RadioGroup>
    </Field>
  );

  const picker = <ActivitiesPicker activities={activities} selected={form.activityIds} onChange={(activityIds) => set({ activityIds })} />;

  let specific = null;
  switch (kind) {
    case 'verzoek-om-identificatie':
      specific = replyBy;
      break;
    case 'verzoek-om-aanvulling':
      specific = (
        <>
          <Field label={t('letters.form.missing')} hint={t('letters.form.onePerLine')}>
            <Textarea value={form.missing} resize="vertical" rows={3} onChange={(_, d) => set({ missing: d.value })} />
          </Field>
          {replyBy}
        </>
      );
      break;
    case 'zienswijze-derde':
      specific = (
        <>
          <Field label={t('letters.form.thirdParty')} required hint={thirdParties?.length === 0 ? t('letters.form.noThirdParties') : null}>
            <Select value={form.thirdPartyId} onChange={(_, d) => set({ thirdPartyId: d.value })}>
              <option value="">{t('letters.form.choose')}</option>
              {(thirdParties ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.role})
                </option>
              ))}
            </Select>
          </Field>
          <AddressField
            label={t('letters.form.thirdPartyAddress')}
            required
            value={form.thirdPartyAddress}
            onChange={(thirdPartyAddress) => set({ thirdPartyAddress })}
          />
          {replyBy}
        </>
      );
      break;
    case 'verlengingsbericht':
      specific = <Text className={styles.muted}>{t('letters.form.extensionInfo')}</Text>;
      break;
    case 'besluit-inzage':
      specific = (
        <>
          {picker}
          <WithheldFields withheld={form.withheld} onChange={(withheld) => set({ withheld })} />
        </>
      );
      break;
    case 'besluit-dataportabiliteit':
      specific = <WithheldFields withheld={form.withheld} onChange={(withheld) => set({ withheld })} />;
      break;
    case 'besluit-correctie':
      specific = (
        <>
          {outcome}
          <ChangesFields changes={form.changes} onChange={(changes) => set({ changes })} />
          {reasons(form.outcome !== 'toegewezen', t('letters.form.refusalReasons'))}
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{t('letters.form.recipients')}</legend>
            <Field label={t('letters.form.recipientsInformed')} hint={t('letters.form.onePerLine')}>
              <Textarea value={form.recipientsInformed} resize="vertical" rows={3} onChange={(_, d) => set({ recipientsInformed: d.value })} />
            </Field>
            <Checkbox checked={form.notInformed} label={t('letters.form.notInformed')} onChange={(_, d) => set({ notInformed: d.checked === true })} />
            {form.notInformed ? (
              <div className={styles.pair}>
                <Field label={t('letters.form.notInformedGround')} required>
                  <Select value={form.notInformedGround} onChange={(_, d) => set({ notInformedGround: d.value as NotInformedGround })}>
                    <option value="onmogelijk">{t('letters.form.notInformedGrounds.onmogelijk')}</option>
                    <option value="onevenredige_inspanning">{t('letters.form.notInformedGrounds.onevenredige_inspanning')}</option>
                    <option value="niet_verstrekt">{t('letters.form.notInformedGrounds.niet_verstrekt')}</option>
                  </Select>
                </Field>
                <Field label={t('letters.form.notInformedExplanation')} required>
                  <Textarea value={form.notInformedExplanation} resize="vertical" rows={2} onChange={(_, d) => set({ notInformedExplanation: d.value })} />
                </Field>
              </div>
            ) : null}
          </fieldset>
        </>
      );
      break;
    case 'besluit-verzet':
      specific = (
        <>
          {outcome}
          <Field label={t('letters.form.processing')} required hint={t('letters.form.processingHint')}>
            <Input value={form.processing} onChange={(_, d) => set({ processing: d.value })} />
          </Field>
          <Field hint={t('letters.form.circumstancesGivenHint')}>
            <Checkbox
              checked={form.circumstancesGiven}
              label={t('letters.form.circumstancesGiven')}
              onChange={(_, d) => set({ circumstancesGiven: d.checked === true })}
            />
          </Field>
          {reasons(form.outcome !== 'toegewezen', t('letters.form.refusalReasons'))}
          {form.outcome === 'toegewezen' ? null : (
            <Field label={t('letters.form.legalObligation')} hint={t('letters.form.legalObligationHint')}>
              <Textarea value={form.legalObligation} resize="vertical" rows={2} onChange={(_, d) => set({ legalObligation: d.value })} />
            </Field>
          )}
        </>
      );
      break;
    case 'besluit-niet-ontvankelijk':
      specific = (
        <>
          <Field label={t('letters.form.inadmissibleGround')} required>
            <RadioGroup value={form.inadmissibleGround} onChange={(_, d) => set({ inadmissibleGround: d.value as InadmissibleGround })}>
              <Radio value="identiteit" label={t('letters.form.inadmissibleGrounds.identiteit')} />
              <Radio value="vormvereiste" label={t('letters.form.inadmissibleGrounds.vormvereiste')} />
            </RadioGroup>
          </Field>
          {reasons(true, t('letters.form.inadmissibleReasons'))}
        </>
      );
      break;
    case 'besluit-geen-gegevens':
      specific = (
        <Field label={t('letters.form.searched')} hint={t('letters.form.searchedHint')}>
          <Textarea value={form.searched} resize="vertical" rows={3} onChange={(_, d) => set({ searched: d.value })} />
        </Field>
      );
      break;
    case 'besluit-afwijzing-inzage':
      specific = (
        <>
          <Field label={t('letters.form.accessOutcome')} required>
            <RadioGroup layout="horizontal" value={form.accessOutcome} onChange={(_, d) => set({ accessOutcome: d.value as 'afgewezen' | 'deels' })}>
              <Radio value="deels" label={t('letters.form.accessOutcomes.deels')} />
              <Radio value="afgewezen" label={t('letters.form.accessOutcomes.afgewezen')} />
            </RadioGroup>
          </Field>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{t('letters.form.accessGrounds')}</legend>
            {(Object.keys(ACCESS_REFUSAL_GROUNDS) as AccessRefusalGround[]).map((g) => (
              <Checkbox
                key={g}
                checked={form.accessGrounds.includes(g)}
                label={ACCESS_REFUSAL_GROUNDS[g]}
                onChange={(_, d) => set({ accessGrounds: d.checked === true ? [...form.accessGrounds, g] : form.accessGrounds.filter((x) => x !== g) })}
              />
            ))}
          </fieldset>
          {reasons(true, t('letters.form.accessReasons'))}
          <WithheldFields withheld={form.withheld} onChange={(withheld) => set({ withheld })} />
          {form.accessOutcome === 'deels' ? { picker } : null}
        </>
      );
      break;
    case 'besluit-verzet-direct-marketing':
      specific = (
        <>
          <Field label={t('letters.form.directMarketing')} required hint={t('letters.form.directMarketingHint')}>
            <Input value={form.processing} onChange={(_, d) => set({ processing: d.value })} />
          </Field>
          <Field label={t('letters.form.stoppedOn')} hint={t('letters.form.stoppedOnHint')}>
            <Input className={styles.date} type="date" max={today} value={form.stoppedOn} onChange={(_, d) => set({ stoppedOn: d.value })} />
          </Field>
        </>
      );
      break;
    case 'kennisgeving-ontvangers':
      specific = (
        <>
          <div className={styles.pair}>
            <Field label={t('letters.form.recipient')} required>
              <Input value={form.recipient} onChange={(_, d) => set({ recipient: d.value })} />
            </Field>
            <AddressField
              label={t('letters.form.recipientAddress')}
              required
              value={form.recipientAddress}
              onChange={(recipientAddress) => set({ recipientAddress })}
            />
          </div>
          <RecipientChangesFields changes={form.recipientChanges} onChange={(recipientChanges) => set({ recipientChanges })} />
        </>
      );
      break;
    case 'klacht-termijn-verstreken':
      specific = (
        <Field label={t('letters.form.decisionBy')} hint={t('letters.form.decisionByHint')}>
          <Input className={styles.date} type="date" min={today} value={form.decisionBy} onChange={(_, d) => set({ decisionBy: d.value })} />
        </Field>
      );
      break;
    case 'beslissing-op-klacht':
      specific = (
        <>
          <Field label={t('letters.form.outcome')} required>
            <RadioGroup layout="horizontal" value={form.complaintOutcome} onChange={(_, d) => set({ complaintOutcome: d.value as ComplaintOutcome })}>
              <Radio value="gegrond" label={t('letters.form.complaintOutcomes.gegrond')} />
              <Radio value="deels_gegrond" label={t('letters.form.complaintOutcomes.deels_gegrond')} />
              <Radio value="ongegrond" label={t('letters.form.complaintOutcomes.ongegrond')} />
            </RadioGroup>
          </Field>
          <Field label={t('letters.form.complaint')} required>
            <Textarea value={form.complaint} resize="vertical" rows={3} onChange={(_, d) => set({ complaint: d.value })} />
          </Field>
          {reasons(true, t('letters.form.considerations'))}
          <Field label={t('letters.form.measures')}>
            <Textarea value={form.measures} resize="vertical" rows={2} onChange={(_, d) => set({ measures: d.value })} />
          </Field>
        </>
      );
      break;
    case 'afwijzing':
      specific = (
        <>
          <Field label={t('letters.form.ground')} required>
            <RadioGroup value={form.ground} onChange={(_, d) => set({ ground: d.value as RefusalGround })}>
              <Radio value="kennelijk_ongegrond" label={t('letters.form.grounds.kennelijk_ongegrond')} />
              <Radio value="buitensporig" label={t('letters.form.grounds.buitensporig')} />
            </RadioGroup>
          </Field>
          {reasons(true)}
        </>
      );
      break;
    case 'bevestiging-intrekking':
      specific = (
        <Field label={t('letters.form.withdrawnOn')} required>
          <Input className={styles.date} type="date" max={today} value={form.withdrawnOn} onChange={(_, d) => set({ withdrawnOn: d.value })} />
        </Field>
      );
      break;
    case 'ontvangstbevestiging':
      break;
  }

  // A zienswijze and an art. 19 notice go to the third party or recipient, at the address given above.
  if (kind === 'zienswijze-derde' || kind === 'kennisgeving-ontvangers') return <div className={styles.fields}>{specific}</div>;
  return (
    <div className={styles.fields}>
      {specific}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('letters.form.addressing')}</legend>
        <Checkbox
          checked={form.otherAddressee || !hasAddress}
          disabled={!hasAddress}
          label={hasAddress ? t('letters.form.otherAddressee') : t('letters.form.addresseeNeeded')}
          onChange={(_, d) => set({ otherAddressee: d.checked === true })}
        />
        {form.otherAddressee || !hasAddress ? (
          <div className={styles.pair}>
            <Field label={t('letters.form.addresseeName')} required>
              <Input value={form.addresseeName} onChange={(_, d) => set({ addresseeName: d.value })} />
            </Field>
            <AddressField
              label={t('letters.form.addresseeAddress')}
              required
              value={form.addresseeAddress}
              onChange={(addresseeAddress) => set({ addresseeAddress })}
            />
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}

/** What was withheld or redacted and why (art. 15(4)): the letter must say so. */
function WithheldFields({ withheld, onChange }: { withheld: Withheld[]; onChange: (withheld: Withheld[]) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const edit = (key: number, patch: Partial<Withheld>) => onChange(withheld.map((w) => (w.key === key ? { ...w, ...patch } : w)));
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t('letters.form.withheld')}</legend>
      <Text className={styles.muted} size={200}>
        {t('letters.form.withheldHint')}
      </Text>
      {withheld.map((w, i) => (
        <div key={w.key} className={styles.repeat}>
          <Field label={t('letters.form.withheldWhat', { n: i + 1 })} required>
            <Input value={w.what} onChange={(_, d) => edit(w.key, { what: d.value })} />
          </Field>
          <Field label={t('letters.form.withheldWhy', { n: i + 1 })} required>
            <Input value={w.why} onChange={(_, d) => edit(w.key, { why: d.value })} />
          </Field>
          <Button
            appearance="subtle"
            icon={<DeleteRegular />}
            aria-label={t('letters.form.removeWithheld', { n: i + 1 })}
            onClick={() => onChange(withheld.filter((x) => x.key !== w.key))}
          />
        </div>
      ))}
      <Button className={styles.add} appearance="subtle" icon={<AddRegular />} onClick={() => onChange([...withheld, { key: newKey(), what: '', why: '' }])}>
        {t('letters.form.addWithheld')}
      </Button>
    </fieldset>
  );
}

/** Art. 19: what the recipient must correct, erase or restrict; no old values. */
function RecipientChangesFields({ changes, onChange }: { changes: RecipientChangeRow[]; onChange: (changes: RecipientChangeRow[]) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const edit = (key: number, patch: Partial<RecipientChangeRow>) => onChange(changes.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t('letters.form.recipientChanges')}</legend>
      {changes.map((c, i) => (
        <div key={c.key} className={styles.change}>
          <Field label={t('letters.form.recipientChangeItem', { n: i + 1 })} required>
            <Input value={c.item} onChange={(_, d) => edit(c.key, { item: d.value })} />
          </Field>
          <Field label={t('letters.form.recipientChangeAction', { n: i + 1 })}>
            <Select value={c.action} onChange={(_, d) => edit(c.key, { action: d.value as RecipientChangeRow['action'] })}>
              {(['verbeterd', 'aangevuld', 'gewist', 'beperkt'] as const).map((a) => (
                <option key={a} value={a}>
                  {t(`letters.form.recipientActions.${a}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('letters.form.recipientChangeTo', { n: i + 1 })}>
            <Input value={c.to} disabled={c.action === 'gewist' || c.action === 'beperkt'} onChange={(_, d) => edit(c.key, { to: d.value })} />
          </Field>
          <span />
          <Button
            appearance="subtle"
            icon={<DeleteRegular />}
            aria-label={t('letters.form.removeChange', { n: i + 1 })}
            disabledFocusable={changes.length === 1}
            onClick={() => onChange(changes.filter((x) => x.key !== c.key))}
          />
        </div>
      ))}
      <Button
        className={styles.add}
        appearance="subtle"
        icon={<AddRegular />}
        onClick={() => onChange([...changes, { key: newKey(), item: '', action: 'verbeterd', to: '' }])}
      >
        {t('letters.form.addChange')}
      </Button>
    </fieldset>
  );
}

/** The changes the requester asked for, with the decision per change (§14). */
function ChangesFields({ changes, onChange }: { changes: Change[]; onChange: (changes: Change[]) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const edit = (key: number, patch: Partial<Change>) => onChange(changes.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t('letters.form.changes')}</legend>
      {changes.map((c, i) => (
        <div key={c.key} className={styles.change}>
          <Field label={t('letters.form.changeItem', { n: i + 1 })} required>
            <Input value={c.item} onChange={(_, d) => edit(c.key, { item: d.value })} />
          </Field>
          <Field label={t('letters.form.changeFrom', { n: i + 1 })}>
            <Input value={c.from} onChange={(_, d) => edit(c.key, { from: d.value })} />
          </Field>
          <Field label={t('letters.form.changeTo', { n: i + 1 })}>
            <Input value={c.to} onChange={(_, d) => edit(c.key, { to: d.value })} />
          </Field>
          <Field label={t('letters.form.changeDecision', { n: i + 1 })}>
            <Select value={c.decision} onChange={(_, d) => edit(c.key, { decision: d.value as ChangeDecision })}>
              <option value="doorgevoerd">{t('letters.form.decisions.doorgevoerd')}</option>
              <option value="afgewezen">{t('letters.form.decisions.afgewezen')}</option>
            </Select>
          </Field>
          <Button
            appearance="subtle"
            icon={<DeleteRegular />}
            aria-label={t('letters.form.removeChange', { n: i + 1 })}
            disabledFocusable={changes.length === 1}
            onClick={() => onChange(changes.filter((x) => x.key !== c.key))}
          />
        </div>
      ))}
      <Button
        className={styles.add}
        appearance="subtle"
        icon={<AddRegular />}
        onClick={() => onChange([...changes, { key: newKey(), item: '', from: '', to: '', decision: 'doorgevoerd' }])}
      >
        {t('letters.form.addChange')}
      </Button>
    </fieldset>
  );
}
