import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { ArrowExportRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/cases/case-schemas.js';
import type { HandoverExportResult } from '../../../shared/handover/handover-contract.js';
import { isClosed } from '../../../shared/cases/cases.js';
import { useApi } from '../api/context.js';
import { useSession } from '../api/session.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { CallDialog } from '../ui/FormDialog.js';
import { useFormStyles } from '../ui/formStyles.js';
import { PasswordField } from '../ui/PasswordField.js';
import { mayExportHandover } from '../cases/access.js';
import { deliver, FileTargetField, useTargetPath } from '../ui/FileFields.js';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  path: { overflowWrap: 'anywhere' },
});

/**
 * "Overdragen aan andere computer" on the case's overview, for the dpo and the handler the case is
 * assigned to on this desktop (the backend checks it again): an encrypted bundle with a password
 * the user chooses twice, then the instruction to give the password by phone.
 */
export function HandoverCard({ detail }: { detail: CaseDetail }) {
  const { staff } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const card = useCardStyles();
  const restoreFocus = useRestoreFocusTarget();
  const [dialog, setDialog] = useState<{ open: boolean; shown: number } | null>(null);
  const [result, setResult] = useState<HandoverExportResult | null>(null);
  const allowed = mayExportHandover(staff, detail.handlerId) && !isClosed(detail.status);
  if (!allowed) return null;
  const close = () => setDialog((d) => (d ? { ...d, open: false } : null));

  return (
    <section className={card.card} aria-labelledby="overview-handover">
      <h2 id="overview-handover" className={styles.heading}>
        {t('handover.title')}
      </h2>
      {result ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('handover.doneTitle')}</MessageBarTitle>
            <span className={styles.path}>
              {result.path === undefined
                ? t('handover.doneDownload', { reference: result.reference, fileName: result.fileName, count: result.files })
                : t('handover.done', { reference: result.reference, path: result.path, count: result.files })}
            </span>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {result ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('handover.outOfBand')}</MessageBarBody>
        </MessageBar>
      ) : (
        <p className={styles.muted}>{t('handover.intro')}</p>
      )}
      <div>
        <Button icon={<ArrowExportRegular />} {...restoreFocus} onClick={() => setDialog((d) => ({ open: true, shown: (d?.shown ?? 0) + 1 }))}>
          {t('handover.action')}
        </Button>
      </div>
      {dialog ? (
        <ExportDialog
          key={dialog.shown}
          open={dialog.open}
          detail={detail}
          onClose={close}
          onDone={(value) => {
            deliver(value, 'application/octet-stream');
            close();
            setResult(value);
          }}
        />
      ) : null}
    </section>
  );
}

function ExportDialog({
  open,
  detail,
  onClose,
  onDone,
}: {
  open: boolean;
  detail: CaseDetail;
  onClose: () => void;
  onDone: (result: HandoverExportResult) => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const form = useFormStyles();
  const [path, setPath, target] = useTargetPath();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  const pathMissing = checked && target() === null ? t('handover.required') : undefined;
  const mismatch = checked && repeat !== password ? t('handover.mismatch') : undefined;

  function request() {
    setChecked(true);
    const to = target();
    if (to === null || password === '' || repeat !== password) return null;
    return api.call('handover.export', { caseId: detail.id, ...to, password });
  }

  return (
    <CallDialog
      open={open}
      title={t('handover.dialogTitle', { reference: detail.reference })}
      submitLabel={t('handover.submit')}
      onClose={onClose}
      call={request}
      onDone={onDone}
    >
      <Text as="p" block className={form.text}>
        {t('handover.dialogIntro')}
      </Text>
      <FileTargetField
        purpose="handover-export"
        label={t('handover.path')}
        pathHint={t('handover.pathHint')}
        validationMessage={pathMissing}
        autoFocus
        value={path}
        onChange={setPath}
      />
      <PasswordField
        label={t('handover.password')}
        hint={t('handover.passwordHint')}
        value={password}
        onChange={setPassword}
        rulesFor={{ userName: '' }}
        autoComplete="new-password"
      />
      <PasswordField label={t('handover.repeat')} value={repeat} onChange={setRepeat} validationMessage={mismatch} autoComplete="new-password" />
    </CallDialog>
  );
}
