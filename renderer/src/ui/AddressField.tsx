import { Field, Textarea } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

interface AddressFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean | undefined;
  /** What this address is used for beyond the letter, said after the common hint. */
  note?: string | undefined;
  className?: string | undefined;
}

/**
 * Every address the team types (the requester's at intake, a third party's, a letter's addressee or recipient) in one
 * form: street and number, then postcode and place, on two lines or separated by a comma. The letters split it into
 * lines the same way (`addressLines` in shared/letters/build.ts), and redaction finds the street and postcode in it.
 */
export function AddressField({ label, value, onChange, required, note, className }: AddressFieldProps) {
  const { t } = useTranslation();
  return (
    <Field label={label} required={required === true} hint={note ? `${t('address.hint')} ${note}` : t('address.hint')} {...(className ? { className } : {})}>
      <Textarea value={value} resize="vertical" rows={2} maxLength={500} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
