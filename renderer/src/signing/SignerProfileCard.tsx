import { Button, Checkbox, Field, Input, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.js';
import { Card } from '../ui/Card.js';
import { readAsBase64 } from '../ui/files.js';
import { ErrorBar, NoticeBar } from '../ui/Notice.js';
import { useSaving } from '../ui/useSaving.js';
import { FilePicker } from '../ui/FilePicker.js';
import { actionRow } from '../ui/styles.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'start',
  },
  actions: actionRow,
});

/** The signer's own signature block: the function printed under their name, and an optional scanned signature (PNG). */
export function SignerProfileCard() {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const [functionTitle, setFunctionTitle] = useState('');
  const [hasImage, setHasImage] = useState(false);
  const [removeImage, setRemoveImage] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { busy, error, notice, setNotice, save } = useSaving();

  useEffect(() => {
    let live = true;
    void api.call('signer.getProfile', {}).then((result) => {
      if (!live) return;
      setLoaded(true);
      if (result.ok && result.value) {
        setFunctionTitle(result.value.functionTitle);
        setHasImage(result.value.hasSignatureImage);
      }
    });
    return () => {
      live = false;
    };
  }, [api]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const image = file ? await readAsBase64(file) : removeImage ? null : undefined;
    const result = await save(
      () => api.call('signer.setProfile', { functionTitle: functionTitle.trim(), ...(image !== undefined ? { signaturePngBase64: image } : {}) }),
      () => t('signing.profile.saved'),
    );
    if (result.ok) {
      setHasImage(result.value.hasSignatureImage);
      setFile(null);
      setRemoveImage(false);
    }
  }

  return (
    <Card headingId="signer-profile-heading" title={t('signing.profile.title')} intro={t('signing.profile.intro')}>
      {!loaded ? <Spinner size="tiny" /> : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate className={styles.form}>
        <div className={styles.grid}>
          <Field label={t('signing.profile.functionTitle')} required hint={t('signing.profile.functionTitleHint')}>
            <Input value={functionTitle} onChange={(_, d) => setFunctionTitle(d.value)} />
          </Field>
          <Field label={t('signing.profile.image')} hint={hasImage ? t('signing.profile.imageSet') : t('signing.profile.imageNone')}>
            {(field) => <FilePicker field={field} accept="image/png" file={file} onFile={setFile} />}
          </Field>
        </div>
        {hasImage ? <Checkbox checked={removeImage} label={t('signing.profile.removeImage')} onChange={(_, d) => setRemoveImage(d.checked === true)} /> : null}
        <div className={styles.actions}>
          <Button type="submit" icon={<SaveRegular />} disabledFocusable={busy || !loaded}>
            {t('common.save')}
          </Button>
          {busy ? <Spinner size="tiny" /> : null}
        </div>
      </form>
      {error ? <ErrorBar error={error} /> : null}
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
    </Card>
  );
}
