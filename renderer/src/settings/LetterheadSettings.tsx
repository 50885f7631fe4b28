import { Button, Field, Input, makeStyles, Spinner, Textarea, tokens } from '@fluentui/react-components';
import { DeleteRegular, SaveRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import { useApi } from '../api/context.js';
import { Card } from '../ui/Card.js';
import { readAsBase64 } from '../ui/files.js';
import { ErrorBar, NoticeBar } from '../ui/Notice.js';
import { SaveForm } from '../ui/SaveForm.js';
import { useFormLoad, useSaving } from '../ui/useSaving.js';
import { FilePicker } from '../ui/FilePicker.js';
import { useSettingsStyles } from './settingsStyles.js';

type Letterhead = ProcedureOutput<'settings.getLetterhead'>;

const useStyles = makeStyles({
  logo: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  logoImage: {
    maxWidth: '180px',
    maxHeight: '72px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingVerticalXS,
    backgroundColor: '#ffffff',
  },
});

interface Draft {
  name: string;
  postalAddress: string;
  visitingAddress: string;
  phone: string;
  email: string;
  kvk: string;
  place: string;
  dpo: Letterhead['dpo'];
  logoPngBase64: string | null;
}

const toDraft = (l: Letterhead): Draft => ({ ...l, postalAddress: l.postalAddress.join('\n') });

/** Beheer → Briefpapier: the organisation's name, addresses, KvK number, place and logo at the top of every letter; the FG every decision names. */
export function LetterheadSettings() {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useSettingsStyles();
  const own = useStyles();
  const [draft, setDraft] = useState<Draft | null>(null);
  const loadError = useFormLoad(
    useCallback(() => api.call('settings.getLetterhead', {}), [api]),
    (letterhead) => setDraft(toDraft(letterhead)),
  );
  const { busy, error, setError, notice, setNotice, save } = useSaving();
  const set = (patch: Partial<Draft>) => setDraft((previous) => (previous ? { ...previous, ...patch } : previous));

  async function onSubmit() {
    if (!draft) return;
    const postalAddress = draft.postalAddress
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const result = await save(
      () => api.call('settings.setLetterhead', { ...draft, postalAddress }),
      () => t('settings.letterhead.saved'),
    );
    if (result.ok) setDraft(toDraft(result.value));
  }

  async function chooseLogo(file: File | undefined) {
    if (!file) return;
    if (file.type !== 'image/png') {
      setError({ code: 'VALIDATION', message: t('settings.letterhead.logoNotPng') });
      return;
    }
    set({ logoPngBase64: await readAsBase64(file) });
  }

  return (
    <Card headingId="letterhead-heading" title={t('settings.letterhead.title')} intro={t('settings.letterhead.intro')}>
      {loadError ? <ErrorBar error={loadError} /> : null}
      {!draft && !loadError ? <Spinner size="tiny" /> : null}
      {draft ? (
        <SaveForm submitLabel={t('common.save')} icon={<SaveRegular />} busy={busy} onSubmit={() => void onSubmit()}>
          <div className={styles.grid}>
            <Field label={t('settings.letterhead.name')} required>
              <Input value={draft.name} onChange={(_, d) => set({ name: d.value })} />
            </Field>
            <Field label={t('settings.letterhead.postalAddress')} required hint={t('settings.letterhead.postalAddressHint')}>
              <Textarea value={draft.postalAddress} rows={3} resize="vertical" onChange={(_, d) => set({ postalAddress: d.value })} />
            </Field>
            <Field label={t('settings.letterhead.visitingAddress')}>
              <Input value={draft.visitingAddress} onChange={(_, d) => set({ visitingAddress: d.value })} />
            </Field>
            <Field label={t('settings.letterhead.place')} required hint={t('settings.letterhead.placeHint')}>
              <Input value={draft.place} onChange={(_, d) => set({ place: d.value })} />
            </Field>
            <Field label={t('settings.letterhead.phone')}>
              <Input type="tel" value={draft.phone} onChange={(_, d) => set({ phone: d.value })} />
            </Field>
            <Field label={t('settings.letterhead.email')}>
              <Input type="email" value={draft.email} onChange={(_, d) => set({ email: d.value })} />
            </Field>
            <Field label={t('settings.letterhead.kvk')} required>
              <Input value={draft.kvk} inputMode="numeric" maxLength={8} onChange={(_, d) => set({ kvk: d.value })} />
            </Field>
            <Field label={t('settings.letterhead.dpoName')} required hint={t('settings.letterhead.dpoHint')}>
              <Input value={draft.dpo.name} onChange={(_, d) => set({ dpo: { ...draft.dpo, name: d.value } })} />
            </Field>
            <Field label={t('settings.letterhead.dpoEmail')}>
              <Input type="email" value={draft.dpo.email} onChange={(_, d) => set({ dpo: { ...draft.dpo, email: d.value } })} />
            </Field>
            <Field label={t('settings.letterhead.dpoPhone')}>
              <Input type="tel" value={draft.dpo.phone} onChange={(_, d) => set({ dpo: { ...draft.dpo, phone: d.value } })} />
            </Field>
            <Field label={t('settings.letterhead.dpoAddress')}>
              <Input value={draft.dpo.address} onChange={(_, d) => set({ dpo: { ...draft.dpo, address: d.value } })} />
            </Field>
            <Field label={t('settings.letterhead.logo')} hint={t('settings.letterhead.logoHint')}>
              {(field) => (
                <FilePicker
                  field={field}
                  accept="image/png"
                  file={null}
                  current={draft.logoPngBase64 ? t('settings.letterhead.logoSet') : undefined}
                  onFile={(file) => void chooseLogo(file ?? undefined)}
                />
              )}
            </Field>
          </div>
          {draft.logoPngBase64 ? (
            <div className={own.logo}>
              <img className={own.logoImage} src={`data:image/png;base64,${draft.logoPngBase64}`} alt={t('settings.letterhead.logoAlt')} />
              <Button appearance="subtle" icon={<DeleteRegular />} onClick={() => set({ logoPngBase64: null })}>
                {t('settings.letterhead.removeLogo')}
              </Button>
            </div>
          ) : null}
          {error ? <ErrorBar error={error} onDismiss={() => setError(null)} /> : null}
          <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
        </SaveForm>
      ) : null}
    </Card>
  );
}
