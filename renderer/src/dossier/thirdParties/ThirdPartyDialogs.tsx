import { Field, Input, Radio, RadioGroup, Text, Textarea } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../../shared/dossier/dossier-schemas.js';
import { HEARING_LABELS, HEARING_STATUSES, type HearingStatus } from '../../../../shared/dossier/dossier.js';
import { useApi } from '../../api/context.js';
import { useFormStyles } from '../../ui/formStyles.js';
import { CallDialog } from '../../ui/FormDialog.js';
import type { DialogControl } from '../../ui/useDialog.js';
import type { ThirdPartyView } from '../useDossier.js';
import { DocumentChoice } from './DocumentChoice.js';
import { AddressField } from '../../ui/AddressField.js';

/** Roles a third party often has in a housing corporation's files; any other can be typed. */
export const ROLE_SUGGESTIONS = [
  'buurman',
  'buurvrouw',
  'medebewoner',
  'melder van overlast',
  'medewerker aannemer',
  'medewerker corporatie',
  'familielid',
  'vorige huurder',
] as const;

interface AddProps {
  control: DialogControl<ThirdPartyView>;
  caseId: string;
  documents: readonly DocumentView[];
}

interface Contact {
  address: string;
  email: string;
  phone: string;
}

const trimmed = (c: Contact) => ({ address: c.address.trim(), email: c.email.trim(), phone: c.phone.trim() });

/** Address, e-mail and phone: with them, redaction finds the person where only these are written. */
function ContactFields({ value, onChange }: { value: Contact; onChange: (value: Contact) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <AddressField
        label={t('thirdParties.fields.address')}
        note={t('thirdParties.fields.addressNote')}
        value={value.address}
        onChange={(address) => onChange({ ...value, address })}
      />
      <Field label={t('thirdParties.fields.email')}>
        <Input type="email" value={value.email} maxLength={254} onChange={(_, d) => onChange({ ...value, email: d.value })} />
      </Field>
      <Field label={t('thirdParties.fields.phone')}>
        <Input type="tel" value={value.phone} maxLength={40} onChange={(_, d) => onChange({ ...value, phone: d.value })} />
      </Field>
    </>
  );
}

/** A person other than the requester whose data is in the dossier; they get the task "zienswijze derde". */
export function AddThirdPartyDialog({ control, caseId, documents }: AddProps) {
  const api = useApi();
  const { t } = useTranslation();
  const form = useFormStyles();
  const rolesId = useId();
  const [name, setName] = useState('');
  const [contact, setContact] = useState<Contact>({ address: '', email: '', phone: '' });
  const [role, setRole] = useState('');
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const [checked, setChecked] = useState(false);
  const nameMissing = checked && name.trim().length < 2 ? t('thirdParties.fields.nameRequired') : null;
  const roleMissing = checked && role.trim() === '' ? t('thirdParties.fields.roleRequired') : null;

  function request() {
    setChecked(true);
    if (name.trim().length < 2 || role.trim() === '') return null;
    return api.call('thirdParty.add', { caseId, name: name.trim(), ...trimmed(contact), role: role.trim(), documentIds });
  }

  return (
    <CallDialog {...control} title={t('thirdParties.addDialog.title')} submitLabel={t('thirdParties.addDialog.submit')} call={request}>
      <Text as="p" block className={form.text}>
        {t('thirdParties.addDialog.intro')}
      </Text>
      <Field label={t('thirdParties.fields.name')} required validationMessage={nameMissing}>
        <Input value={name} autoFocus maxLength={200} onChange={(_, d) => setName(d.value)} />
      </Field>
      <ContactFields value={contact} onChange={setContact} />
      <Field label={t('thirdParties.fields.role')} required hint={t('thirdParties.fields.roleHint')} validationMessage={roleMissing}>
        <Input value={role} list={rolesId} maxLength={100} onChange={(_, d) => setRole(d.value)} />
      </Field>
      {/* Suggestions the browser offers while typing; any other role can be typed. */}
      <datalist id={rolesId}>
        {ROLE_SUGGESTIONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <DocumentChoice documents={documents} value={documentIds} onChange={setDocumentIds} />
    </CallDialog>
  );
}

interface UpdateProps extends AddProps {
  party: ThirdPartyView;
}

/** The outcome of hearing a third party, with a note, and the documents they occur in. */
export function UpdateThirdPartyDialog({ control, caseId, party, documents }: UpdateProps) {
  const api = useApi();
  const { t } = useTranslation();
  const [status, setStatus] = useState<HearingStatus>(party.hearingStatus);
  const [note, setNote] = useState(party.note ?? '');
  const [contact, setContact] = useState<Contact>({ address: party.address ?? '', email: party.email ?? '', phone: party.phone ?? '' });
  const [documentIds, setDocumentIds] = useState<string[]>(party.documentIds);

  function request() {
    return api.call('thirdParty.update', { caseId, id: party.id, ...trimmed(contact), hearingStatus: status, note: note.trim(), documentIds });
  }

  return (
    <CallDialog
      {...control}
      title={t('thirdParties.updateDialog.title', { name: party.name })}
      submitLabel={t('thirdParties.updateDialog.submit')}
      call={request}
    >
      <Field label={t('thirdParties.fields.status')} required>
        <RadioGroup value={status} onChange={(_, d) => setStatus(d.value as HearingStatus)}>
          {HEARING_STATUSES.map((s) => (
            <Radio key={s} value={s} label={`${HEARING_LABELS[s]}: ${t(`thirdParties.statusHints.${s}`)}`} />
          ))}
        </RadioGroup>
      </Field>
      <ContactFields value={contact} onChange={setContact} />
      <Field label={t('thirdParties.fields.note')} hint={t('thirdParties.fields.noteHint')}>
        <Textarea value={note} rows={3} resize="vertical" maxLength={2000} onChange={(_, d) => setNote(d.value)} />
      </Field>
      <DocumentChoice documents={documents} value={documentIds} onChange={setDocumentIds} />
    </CallDialog>
  );
}
