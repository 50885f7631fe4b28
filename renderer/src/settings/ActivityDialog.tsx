import { Button, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import { NO_TRANSFER, RETENTION_CONTRACT } from '../../../shared/letters/register.js';
import { useApi } from '../api/context.js';
import { CallDialog } from '../ui/FormDialog.js';
import { fieldsetStyles } from '../ui/fieldsetStyles.js';
import type { DialogControl } from '../ui/useDialog.js';

export type ActivityView = ProcedureOutput<'register.list'>[number];

const useStyles = makeStyles({
  recipient: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.4fr) auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'end',
    // Fluent's Input has a minimum width wider than these columns.
    '& .fui-Input': { minWidth: 0 },
  },
  ...fieldsetStyles(tokens.spacingVerticalS),
  add: { alignSelf: 'flex-start' },
});

interface RecipientDraft {
  key: number;
  name: string;
  category: string;
}

let nextKey = 1;

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** "Woonruimteverdeling en toewijzing" → "woonruimteverdeling-en-toewijzing": the id the register needs. */
function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 63);
}

interface ActivityDialogProps extends DialogControl<ActivityView> {
  /** null: a new activity. */
  activity: ActivityView | null;
  nextSortOrder: number;
}

/** Adds or edits one processing activity of the register (art. 30 AVG), as the access letter shows it. */
export function ActivityDialog({ activity, nextSortOrder, ...control }: ActivityDialogProps) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const [id, setId] = useState(activity?.id ?? '');
  const [idTouched, setIdTouched] = useState(activity !== null);
  const [name, setName] = useState(activity?.name ?? '');
  const [purpose, setPurpose] = useState(activity?.purpose ?? '');
  const [legalBasis, setLegalBasis] = useState(activity?.legalBasis ?? '');
  const [dataCategories, setDataCategories] = useState(activity?.dataCategories.join('\n') ?? '');
  const [recipients, setRecipients] = useState<RecipientDraft[]>(
    activity?.recipients.map((r) => ({ key: nextKey++, name: r.name ?? '', category: r.category })) ?? [],
  );
  const [transfers, setTransfers] = useState(activity?.transfersOutsideEea ?? NO_TRANSFER);
  const [retention, setRetention] = useState(activity?.retention ?? RETENTION_CONTRACT);
  const [source, setSource] = useState(activity?.source ?? '');
  const [policyReference, setPolicyReference] = useState(activity?.policyReference ?? '');
  const [automatedDecision, setAutomatedDecision] = useState(activity?.automatedDecision ?? '');
  const [sortOrder, setSortOrder] = useState(String(activity?.sortOrder ?? nextSortOrder));
  const editRecipient = (key: number, patch: Partial<RecipientDraft>) => setRecipients((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function request() {
    return api.call('register.upsert', {
      activity: {
        id: id.trim(),
        name: name.trim(),
        purpose: purpose.trim(),
        legalBasis: legalBasis.trim(),
        dataCategories: lines(dataCategories),
        recipients: recipients
          .filter((r) => r.category.trim() !== '' || r.name.trim() !== '')
          .map((r) => ({ name: r.name.trim() === '' ? null : r.name.trim(), category: r.category.trim() })),
        transfersOutsideEea: transfers.trim(),
        retention: retention.trim(),
        source: source.trim(),
        policyReference: policyReference.trim(),
        sortOrder: Number.parseInt(sortOrder, 10) || 0,
        automatedDecision: automatedDecision.trim() === '' ? null : automatedDecision.trim(),
      },
    });
  }

  return (
    <CallDialog
      {...control}
      title={activity ? t('settings.register.editTitle', { name: activity.name }) : t('settings.register.addTitle')}
      submitLabel={t('common.save')}
      call={request}
    >
      <Field label={t('settings.register.name')} required>
        <Input
          value={name}
          autoFocus
          onChange={(_, d) => {
            setName(d.value);
            if (!idTouched) setId(slug(d.value));
          }}
        />
      </Field>
      <Field label={t('settings.register.id')} required hint={activity ? t('settings.register.idFixed') : t('settings.register.idHint')}>
        <Input
          value={id}
          readOnly={activity !== null}
          onChange={(_, d) => {
            setId(d.value);
            setIdTouched(true);
          }}
        />
      </Field>
      <Field label={t('settings.register.purpose')} required>
        <Textarea value={purpose} rows={2} resize="vertical" onChange={(_, d) => setPurpose(d.value)} />
      </Field>
      <Field label={t('settings.register.legalBasis')} required>
        <Textarea value={legalBasis} rows={2} resize="vertical" onChange={(_, d) => setLegalBasis(d.value)} />
      </Field>
      <Field label={t('settings.register.dataCategories')} required hint={t('letters.form.onePerLine')}>
        <Textarea value={dataCategories} rows={3} resize="vertical" onChange={(_, d) => setDataCategories(d.value)} />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('settings.register.recipients')}</legend>
        {recipients.map((r, i) => (
          <div key={r.key} className={styles.recipient}>
            <Field label={t('settings.register.recipientName', { n: i + 1 })}>
              <Input value={r.name} onChange={(_, d) => editRecipient(r.key, { name: d.value })} />
            </Field>
            <Field label={t('settings.register.recipientCategory', { n: i + 1 })} required>
              <Input value={r.category} onChange={(_, d) => editRecipient(r.key, { category: d.value })} />
            </Field>
            <Button
              appearance="subtle"
              icon={<DeleteRegular />}
              aria-label={t('settings.register.removeRecipient', { n: i + 1 })}
              onClick={() => setRecipients((all) => all.filter((x) => x.key !== r.key))}
            />
          </div>
        ))}
        <Button
          className={styles.add}
          appearance="subtle"
          icon={<AddRegular />}
          onClick={() => setRecipients((all) => [...all, { key: nextKey++, name: '', category: '' }])}
        >
          {t('settings.register.addRecipient')}
        </Button>
      </fieldset>
      <Field label={t('settings.register.transfers')} required>
        <Textarea value={transfers} rows={2} resize="vertical" onChange={(_, d) => setTransfers(d.value)} />
      </Field>
      <Field label={t('settings.register.retention')} required>
        <Textarea value={retention} rows={2} resize="vertical" onChange={(_, d) => setRetention(d.value)} />
      </Field>
      <Field label={t('settings.register.source')} required>
        <Input value={source} onChange={(_, d) => setSource(d.value)} />
      </Field>
      <Field label={t('settings.register.automatedDecision')} hint={t('settings.register.automatedDecisionHint')}>
        <Textarea value={automatedDecision} rows={2} resize="vertical" onChange={(_, d) => setAutomatedDecision(d.value)} />
      </Field>
      <Field label={t('settings.register.policyReference')} hint={t('settings.register.policyReferenceHint')}>
        <Input value={policyReference} onChange={(_, d) => setPolicyReference(d.value)} />
      </Field>
      <Field label={t('settings.register.sortOrder')}>
        <Input type="number" min={0} value={sortOrder} onChange={(_, d) => setSortOrder(d.value)} />
      </Field>
    </CallDialog>
  );
}
