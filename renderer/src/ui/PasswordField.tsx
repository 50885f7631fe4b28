import { Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, Circle16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { passwordProblems } from '../../../shared/staff/password.js';

const useStyles = makeStyles({
  rules: {
    listStyle: 'none',
    margin: `${tokens.spacingVerticalXXS} 0 0`,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  rule: { display: 'flex', columnGap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  icon: { flexShrink: 0, marginTop: '2px' },
  met: { color: tokens.colorPaletteGreenForeground1 },
});

/** The rules a password does not meet yet, updated while typing; one line when all are met. */
export function PasswordRules({ password, userName }: { password: string; userName: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const problems = passwordProblems(password, userName);
  if (problems.length === 0) {
    return (
      <ul className={styles.rules} aria-label={t('password.rulesTitle')}>
        <li className={mergeClasses(styles.rule, styles.met)}>
          <CheckmarkCircle16Filled className={styles.icon} aria-hidden />
          {t('password.rulesMet')}
        </li>
      </ul>
    );
  }
  return (
    <ul className={styles.rules} aria-label={t('password.rulesTitle')}>
      {problems.map((problem) => (
        <li key={problem} className={styles.rule}>
          <Circle16Regular className={styles.icon} aria-hidden />
          {problem}
        </li>
      ))}
    </ul>
  );
}

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Show the live rule list (for a new password), checked against this user name. */
  rulesFor?: { userName: string } | undefined;
  hint?: string | undefined;
  validationMessage?: string | undefined;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
}

export function PasswordField({ label, value, onChange, rulesFor, hint, validationMessage, autoComplete, autoFocus }: PasswordFieldProps) {
  const rules = rulesFor ? <PasswordRules password={value} userName={rulesFor.userName} /> : null;
  return (
    <Field
      label={label}
      required
      validationMessage={validationMessage ?? null}
      validationState={validationMessage ? 'error' : 'none'}
      hint={
        hint || rules
          ? {
              children: (
                <>
                  {hint}
                  {rules}
                </>
              ),
            }
          : null
      }
    >
      <Input type="password" value={value} autoComplete={autoComplete} autoFocus={autoFocus} onChange={(_, data) => onChange(data.value)} />
    </Field>
  );
}
