import { Select } from '@fluentui/react-components';

interface Common<V extends string> {
  /** The values in the order shown. */
  options: readonly V[];
  /** Each value's Dutch label. */
  labels: Readonly<Record<V, string>>;
  disabled?: boolean | undefined;
}

/** A value that must be chosen from the list, or (with `placeholder`) an empty first option until one is. */
type ChoiceSelectProps<V extends string> = Common<V> &
  (
    | { value: NoInfer<V>; onChange: (value: V) => void; placeholder?: undefined }
    | { value: NoInfer<V> | ''; onChange: (value: V | '') => void; placeholder: string }
  );

/** One value of a fixed list (a document type, a source, a kind of authority), shown by its label; inside a Field, which names it. */
export function ChoiceSelect<V extends string>({ options, labels, disabled, value, onChange, placeholder }: ChoiceSelectProps<V>) {
  return (
    // The options are the list's values, and '' only where the placeholder offers it.
    <Select value={value} disabled={disabled} onChange={(_, d) => onChange(d.value as V)}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((option) => (
        <option key={option} value={option}>
          {labels[option]}
        </option>
      ))}
    </Select>
  );
}
