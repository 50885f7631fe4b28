import { CounterBadge, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ScreenEntry, ScreenId } from '../ui/screens.js';
import { shortcutProps, SHORTCUTS } from '../ui/shortcuts.js';

const useStyles = makeStyles({
  nav: {
    width: '220px',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowY: 'auto',
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  item: {
    position: 'relative',
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    minHeight: '36px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground1 },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  focus: createFocusOutlineStyle(),
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::before': {
      content: '""',
      position: 'absolute',
      left: 0,
      top: '8px',
      bottom: '8px',
      width: '3px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
  icon: { fontSize: '20px', flexShrink: 0 },
  label: { flexGrow: 1 },
  iconSelected: { color: tokens.colorCompoundBrandForeground1 },
});

/**
 * The left menu: only the screens the signed-in functions may use. A plain list of buttons in a
 * <nav>: Tab reaches each item, Enter or Space opens it, the open one is marked aria-current.
 */
export function Navigation({
  screens,
  current,
  onSelect,
  counts = {},
}: {
  screens: readonly ScreenEntry[];
  current: ScreenId;
  onSelect: (id: ScreenId) => void;
  /** What waits on a screen (the signer's letters), shown as a count after its name. */
  counts?: Partial<Record<ScreenId, number>>;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <nav className={styles.nav} aria-label={t('nav.label')}>
      <ul className={styles.list}>
        {screens.map((screen) => {
          const Icon = screen.icon;
          const count = counts[screen.id] ?? 0;
          const selected = screen.id === current;
          return (
            <li key={screen.id}>
              <button
                type="button"
                className={mergeClasses(styles.item, styles.focus, selected && styles.selected)}
                aria-current={selected ? 'page' : undefined}
                {...(screen.id === 'intake' ? shortcutProps(t('nav.intake'), SHORTCUTS.newRequest) : {})}
                onClick={() => onSelect(screen.id)}
              >
                <Icon className={mergeClasses(styles.icon, selected && styles.iconSelected)} aria-hidden />
                <span className={styles.label}>{t(`nav.${screen.id}`)}</span>
                {count > 0 ? <CounterBadge count={count} size="small" color="brand" aria-label={t('nav.waiting', { count })} /> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
