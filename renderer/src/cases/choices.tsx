import { Radio, RadioGroup, Select } from '@fluentui/react-components';

interface LabelChoiceProps<T extends string> {
  value: T;
  values: readonly T[];
  labels: Readonly<Record<T, string>>;
  onChange: (value: T) => void;
}

/** A native drop-down of fixed values with their Dutch labels. */
export function LabelSelect<T extends string>({ value, values, labels, onChange, autoFocus }: LabelChoiceProps<T> & { autoFocus?: boolean }) {
  return (
    <Select value={value} autoFocus={autoFocus} onChange={(_, d) => onChange(d.value as T)}>
      {values.map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </Select>
  );
}

/** A few fixed values side by side: all in view, one click to choose (a drop-down takes two). */
export function LabelRadios<T extends string>({ value, values, labels, onChange }: LabelChoiceProps<T>) {
  return (
    <RadioGroup value={value} layout="horizontal" onChange={(_, d) => onChange(d.value as T)}>
      {values.map((v) => (
        <Radio key={v} value={v} label={labels[v]} />
      ))}
    </RadioGroup>
  );
}

/** The handlers a case can go to; `none` is the label of the choice of nobody (null: no such choice). */
export function HandlerSelect({
  value,
  handlers,
  none,
  onChange,
  autoFocus,
}: {
  value: string;
  handlers: readonly { id: string; fullName: string }[];
  none: string | null;
  onChange: (handlerId: string) => void;
  autoFocus?: boolean;
}) {
  return (
    // Keyed by the options: the handlers load after the form, and a select only shows its value among options it had.
    <Select key={handlers.length} value={value} autoFocus={autoFocus} onChange={(_, d) => onChange(d.value)}>
      {none === null ? null : <option value="">{none}</option>}
      {handlers.map((handler) => (
        <option key={handler.id} value={handler.id}>
          {handler.fullName}
        </option>
      ))}
    </Select>
  );
}
