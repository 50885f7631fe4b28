import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.js';
import { Page, Section } from '../ui/Page.js';
import { roleLabels } from '../ui/roles.js';
import type { ScreenEntry } from '../ui/screens.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

/** Welcome, for the functions without a work queue (those with one start in the Werkvoorraad). */
export function StartScreen({ screens }: { screens: readonly ScreenEntry[] }) {
  const { staff } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const items = screens.flatMap((screen) => {
    if (screen.id === 'audit') return [t('start.auditItem')];
    if (screen.id === 'admin') return [t('start.adminItem')];
    if (screen.id === 'account') return [t('start.accountItem')];
    return [];
  });
  return (
    <Page title={t('start.title', { name: staff.fullName })} intro={t('start.roles', { roles: roleLabels(staff.roles) })}>
      <Section title={t('start.available')}>
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item}>
              <Text>{item}</Text>
            </li>
          ))}
        </ul>
      </Section>
    </Page>
  );
}
