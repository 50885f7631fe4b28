import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { ShieldLockRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  root: {
    height: '100%',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    boxSizing: 'border-box',
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalL,
    color: tokens.colorBrandForeground1,
  },
  brandIcon: { fontSize: '28px' },
  brandName: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  card: {
    width: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
});

/** The centred card of the screens before sign-in (first-run setup, sign-in). */
export function AuthLayout({ title, width, children }: { title: string; width: number; children: ReactNode }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <main className={styles.root}>
      <div className={styles.brand}>
        <ShieldLockRegular className={styles.brandIcon} aria-hidden />
        <Text className={styles.brandName}>{t('app.name')}</Text>
      </div>
      <div className={styles.card} style={{ maxWidth: `${width}px` }}>
        <h1 className={styles.title}>{title}</h1>
        {children}
      </div>
    </main>
  );
}
