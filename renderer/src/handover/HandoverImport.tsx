import { Button, Text, useRestoreFocusTarget } from '@fluentui/react-components';
import { ArrowImportRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.js';
import { useSession } from '../api/session.js';
import { CallDialog } from '../ui/FormDialog.js';
import { useFormStyles } from '../ui/formStyles.js';
import { PasswordField } from '../ui/PasswordField.js';
import { emptyChoice, FileSourceField, isChosen, sourceOf, type FileChoice } from '../ui/FileFields.js';

/**
 * Opens the case once the closed dialog has handed the page back: a modal dialog hides the app
 * (aria-hidden on #root) and Fluent lifts that a moment after closing; leaving the screen before
 * then would leave the case page hidden from screen readers.
 */
function useOpenAfterDialog(caseId: string | null, onOpenCase: (caseId: string) => void): void {
  useEffect(() => {
    if (caseId === null) return;
    const started = performance.now();
    let frame = 0;
    const tick = () => {
      const hidden = document.getElementById('root')?.getAttribute('aria-hidden') === 'true';
      if (hidden && performance.now() - started < 3000) frame = requestAnimationFrame(tick);
      else onOpenCase(caseId);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [caseId, onOpenCase]);
}

/**
 * "Overdracht importeren" on the work queue, for handlers: the bundle a colleague made and the
 * password they gave by phone; the imported case opens at once.
 */
export function HandoverImport({ onOpenCase }: { onOpenCase: (caseId: string) => void }) {
  const { staff } = useSession();
  const { t } = useTranslation();
  const restoreFocus = useRestoreFocusTarget();
  const [dialog, setDialog] = useState<{ open: boolean; shown: number } | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  useOpenAfterDialog(imported, onOpenCase);
  if (!staff.roles.includes('handler')) return null;
  return (
    <div>
      <Button icon={<ArrowImportRegular />} {...restoreFocus} onClick={() => setDialog((d) => ({ open: true, shown: (d?.shown ?? 0) + 1 }))}>
        {t('handover.import.action')}
      </Button>
      {dialog ? (
        <ImportDialog key={dialog.shown} open={dialog.open} onClose={() => setDialog((d) => (d ? { ...d, open: false } : null))} onImported={setImported} />
      ) : null}
    </div>
  );
}

function ImportDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (caseId: string) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const form = useFormStyles();
  const [file, setFile] = useState<FileChoice>(emptyChoice);
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const missing = (value: string) => (checked && value.trim() === '' ? t('handover.required') : undefined);
  const chosen = isChosen(file);

  function request() {
    setChecked(true);
    if (!chosen || password === '') return null;
    return sourceOf(file).then((source) => api.call('handover.import', { ...source, password }));
  }

  return (
    <CallDialog
      open={open}
      title={t('handover.import.title')}
      submitLabel={t('handover.import.submit')}
      onClose={onClose}
      call={request}
      onDone={(imported) => {
        onClose();
        onImported(imported.caseId);
      }}
    >
      <Text as="p" block className={form.text}>
        {t('handover.import.intro')}
      </Text>
      <FileSourceField
        purpose="handover-import"
        accept=".avgh"
        label={t('handover.import.path')}
        pathHint={t('handover.import.pathHint')}
        validationMessage={checked && !chosen ? t('handover.required') : undefined}
        autoFocus
        value={file}
        onChange={setFile}
      />
      <PasswordField
        label={t('handover.import.password')}
        value={password}
        onChange={setPassword}
        validationMessage={missing(password)}
        autoComplete="new-password"
      />
    </CallDialog>
  );
}
