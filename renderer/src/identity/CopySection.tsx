import { Badge, Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import type { ApiError } from '../../../shared/api/result.js';
import type { IdSubject } from '../../../shared/identity/identity-types.js';
import { useApi } from '../api/context.js';
import { readAsBase64 } from '../ui/files.js';
import { ErrorBar, type Notice } from '../ui/Notice.js';
import type { IdentityView } from './IdentityTab.js';
import { CopyCanvas, MaskingTool, type Box } from './MaskingTool.js';

/** The backend refuses larger files (identity.uploadCopy). */
const MAX_BYTES = 15 * 1024 * 1024;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  upload: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '72ch' },
  copy: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

export interface CopySectionProps {
  caseId: string;
  subject: IdSubject;
  copies: IdentityView['copies'];
  onNotice: (notice: Notice | null) => void;
  onChanged: () => Promise<void>;
}

/** The ID copy: read in from a file, shown, masked (or confirmed masked by the requester). */
export function CopySection({ caseId, subject, copies, onNotice, onChanged }: CopySectionProps) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const hintId = useId();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function upload(file: File) {
    setError(null);
    onNotice(null);
    if (file.size > MAX_BYTES) {
      setError({ code: 'VALIDATION', message: t('identity.copy.tooLarge') });
      return;
    }
    setUploading(true);
    let dataBase64: string;
    try {
      dataBase64 = await readAsBase64(file);
    } catch {
      setUploading(false);
      setError({ code: 'VALIDATION', message: t('identity.copy.unreadable') });
      return;
    }
    const result = await api.call('identity.uploadCopy', { caseId, subject, fileName: file.name, dataBase64 });
    setUploading(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onNotice({ intent: 'success', text: t('identity.copy.uploaded') });
    await onChanged();
  }

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.heading}>
        {t('identity.copy.title')}
      </h4>
      <div className={styles.upload}>
        <input
          ref={input}
          type="file"
          accept="image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"
          hidden
          aria-label={t('identity.copy.fileLabel')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload(file);
          }}
        />
        <Button icon={<DocumentArrowUpRegular />} aria-describedby={hintId} disabledFocusable={uploading} onClick={() => input.current?.click()}>
          {t('identity.copy.choose')}
        </Button>
        {uploading ? <Spinner size="tiny" label={t('identity.copy.uploading')} /> : null}
      </div>
      <Text as="p" block id={hintId} size={200} className={styles.hint}>
        {t('identity.copy.hint')}
      </Text>
      {error ? <ErrorBar error={error} /> : null}
      {copies.map((copy) => (
        // A masked copy is a new file (new id); a confirmed one changes its flag: either way, load again.
        <CopyView key={`${copy.id}-${String(copy.masked)}`} caseId={caseId} copyId={copy.id} onNotice={onNotice} onChanged={onChanged} />
      ))}
    </section>
  );
}

type ViewedCopy = ProcedureOutput<'identity.viewCopy'> & { image: HTMLImageElement };

function CopyView({
  caseId,
  copyId,
  onNotice,
  onChanged,
}: {
  caseId: string;
  copyId: string;
  onNotice: (notice: Notice | null) => void;
  onChanged: () => Promise<void>;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const [copy, setCopy] = useState<ViewedCopy | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.call('identity.viewCopy', { caseId, copyId }).then(async (result) => {
      if (!live) return;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const image = new Image();
      image.src = `data:image/png;base64,${result.value.dataBase64}`;
      try {
        await image.decode();
      } catch {
        if (live) setError({ code: 'INTERNAL', message: t('identity.copy.unreadable') });
        return;
      }
      if (live) setCopy({ ...result.value, image });
    });
    return () => {
      live = false;
    };
  }, [api, caseId, copyId, t]);

  async function run(work: () => Promise<{ ok: boolean; error?: ApiError }>, success: string) {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    if (!result.ok) {
      if (result.error) setError(result.error);
      return;
    }
    onNotice({ intent: 'success', text: success });
    await onChanged();
  }

  const apply = (boxes: Box[]) => run(() => api.call('identity.maskCopy', { caseId, copyId, boxes }), t('identity.mask.applied'));
  const confirm = () => run(() => api.call('identity.confirmMasked', { caseId, copyId }), t('identity.mask.confirmed'));

  if (!copy) return error ? <ErrorBar error={error} /> : <Spinner size="tiny" label={t('identity.copy.loading')} />;
  return (
    <div className={styles.copy}>
      <span>
        <Badge appearance="tint" shape="rounded" color={copy.masked ? 'success' : 'warning'}>
          {copy.masked ? t('identity.copy.masked') : t('identity.copy.unmasked')}
        </Badge>
      </span>
      {error ? <ErrorBar error={error} /> : null}
      {copy.masked ? (
        <CopyCanvas image={copy.image} width={copy.width} height={copy.height} label={t('identity.copy.imageMasked')} />
      ) : (
        <MaskingTool
          image={copy.image}
          width={copy.width}
          height={copy.height}
          busy={busy}
          onApply={(boxes) => void apply(boxes)}
          onConfirm={() => void confirm()}
        />
      )}
    </div>
  );
}
