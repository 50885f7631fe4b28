import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/staff/roles.js';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  required: { color: tokens.colorPaletteRedForeground3, paddingLeft: tokens.spacingHorizontalXS },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The staff functions as checkboxes, in a fieldset so the group has its own label. */
export function RoleChoice({
  legend,
  value,
  onChange,
  error,
}: {
  legend: string;
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
}) {
  const styles = useStyles();
  const errorId = useId();
  const toggle = (role: Role, checked: boolean) => onChange(ROLES.filter((r) => (r === role ? checked : value.includes(r))));
  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined}>
      <legend className={styles.legend}>
        {legend}
        <span className={styles.required} aria-hidden>
          *
        </span>
      </legend>
      <div className={styles.grid}>
        {ROLES.map((role) => (
          <Checkbox key={role} label={ROLE_LABELS[role]} checked={value.includes(role)} onChange={(_, data) => toggle(role, data.checked === true)} />
        ))}
      </div>
      {error ? (
        <Text id={errorId} size={200} className={styles.error} role="alert">
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
}
