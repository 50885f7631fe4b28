import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { FormEvent, ReactElement, ReactNode } from 'react';
import { wrappingActionRow } from './styles.js';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM }, actions: wrappingActionRow });

interface SaveFormProps {
  submitLabel: string;
  busy: boolean;
  /** The button stays reachable but does nothing while a required value is still empty. */
  incomplete?: boolean;
  icon?: ReactElement;
  /** What the spinner says while saving; none when the button says enough. */
  busyLabel?: string;
  onSubmit: () => void;
  children: ReactNode;
}

/** A form saved with one primary button at its foot (Enter saves too), with a spinner beside it while it saves. */
export function SaveForm({ submitLabel, busy, incomplete = false, icon, busyLabel, onSubmit, children }: SaveFormProps) {
  const styles = useStyles();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {children}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" icon={icon ?? null} disabledFocusable={busy || incomplete}>
          {submitLabel}
        </Button>
        {busy ? <Spinner size="tiny" label={busyLabel ?? null} /> : null}
      </div>
    </form>
  );
}
