import { NavDrawer, NavDrawerBody, NavItem, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ScreenEntry, ScreenId } from './screens.js';

const useStyles = makeStyles({
  drawer: {
    width: '220px',
    minWidth: '220px',
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  body: {
    paddingTop: tokens.spacingVerticalS,
  },
});

/** The left menu: only the screens the signed-in functions may use. */
export function Navigation({ screens, current, onSelect }: { screens: readonly ScreenEntry[]; current: ScreenId; onSelect: (id: ScreenId) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <NavDrawer
      open
      type="inline"
      className={styles.drawer}
      aria-label={t('nav.label')}
      selectedValue={current}
      onNavItemSelect={(_, data) => {
        const next = screens.find((s) => s.id === data.value);
        if (next) onSelect(next.id);
      }}
    >
      <NavDrawerBody className={styles.body}>
        {screens.map((screen) => {
          const Icon = screen.icon;
          return (
            <NavItem key={screen.id} value={screen.id} icon={<Icon />}>
              {t(`nav.${screen.id}`)}
            </NavItem>
          );
        })}
      </NavDrawerBody>
    </NavDrawer>
  );
}
