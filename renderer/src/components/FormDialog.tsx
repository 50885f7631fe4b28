import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/result.js';
import { ErrorBar } from './Notice.js';

const useStyles = makeStyles({
  surface: {
    maxWidth: '560px',
  },
  button: {
    whiteSpace: 'nowrap',
    flexShrink: 0,
  },
  content: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
  },
});

interface FormDialogProps {
  /** Kept mounted while closing, so the dialog animates out and focus returns to where it was. */
  open: boolean;
  title: string;
  submitLabel: string;
  busy: boolean;
  error: ApiError | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** A modal form: Enter submits, Escape or Annuleren closes, the backend's error shows above the fields. */
export function FormDialog({ open, title, submitLabel, busy, error, onSubmit, onClose, children }: FormDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {error ? <ErrorBar error={error} /> : null}
              {children}
            </DialogContent>
            <DialogActions>
              {busy ? <Spinner size="tiny" /> : null}
              <Button appearance="primary" type="submit" className={styles.button} disabledFocusable={busy}>
                {submitLabel}
              </Button>
              <Button appearance="secondary" className={styles.button} onClick={onClose}>
                {t('common.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
