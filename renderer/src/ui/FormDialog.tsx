import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Result } from '../../../shared/api/result.js';
import { ErrorBar } from './Notice.js';
import { useSubmission } from './useSubmission.js';

const useStyles = makeStyles({
  surface: { maxWidth: '560px' },
  button: { whiteSpace: 'nowrap', flexShrink: 0 },
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

type CallDialogProps<T> = Omit<FormDialogProps, 'busy' | 'error' | 'onSubmit'> & {
  /** The one backend call the submit button makes; null when the form's own checks stopped it. */
  call: () => Promise<Result<T>> | null;
  /** After the call succeeded, with its value. */
  onDone: (value: T) => void;
};

/** A FormDialog whose submit is one backend call: it keeps its own busy flag and shows the call's error. */
export function CallDialog<T>({ call, onDone, ...dialog }: CallDialogProps<T>) {
  const { busy, error, submit } = useSubmission();
  const onSubmit = () => {
    const pending = call();
    if (!pending) return;
    void submit(() => pending).then((result) => {
      if (result.ok) onDone(result.value);
    });
  };
  return <FormDialog {...dialog} busy={busy} error={error} onSubmit={onSubmit} />;
}
