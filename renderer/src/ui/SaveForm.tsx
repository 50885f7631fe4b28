import { Button, Spinner } from '@fluentui/react-components';
import type { FormEvent, ReactElement, ReactNode } from 'react';
import { useFormStyles } from './formStyles.js';

interface SubmitRowProps {
  label: string;
  busy: boolean;
  /** The button stays reachable but does nothing while a required value is still empty. */
  incomplete?: boolean | undefined;
  icon?: ReactElement | undefined;
  /** What the spinner says while the form is at work; none when the button says enough. */
  busyLabel?: string | undefined;
}

/** A form's primary submit button at its foot, with a spinner beside it while the form is at work. */
export function SubmitRow({ label, busy, incomplete = false, icon, busyLabel }: SubmitRowProps) {
  const styles = useFormStyles();
  return (
    <div className={styles.actions}>
      <Button appearance="primary" type="submit" icon={icon ?? null} disabledFocusable={busy || incomplete}>
        {label}
      </Button>
      {busy ? <Spinner size="tiny" label={busyLabel ?? null} /> : null}
    </div>
  );
}

interface SaveFormProps extends Omit<SubmitRowProps, 'label'> {
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
}

/** A form saved with one primary button at its foot (Enter saves too); a second submit while it saves is ignored. */
export function SaveForm({ submitLabel, onSubmit, children, ...row }: SaveFormProps) {
  const styles = useFormStyles();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!row.busy) onSubmit();
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {children}
      <SubmitRow label={submitLabel} {...row} />
    </form>
  );
}
