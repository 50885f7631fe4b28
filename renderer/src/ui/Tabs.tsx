import { createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS, useShortcut } from './shortcuts.js';

const useStyles = makeStyles({
  list: { display: 'flex', columnGap: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tab: {
    position: 'relative',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  focus: createFocusOutlineStyle(),
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalM,
      right: tokens.spacingHorizontalM,
      bottom: '-1px',
      height: '3px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});

export interface TabItem<T extends string> {
  id: T;
  label: string;
}

/**
 * ARIA tabs (WAI-ARIA Authoring Practices): one Tab stop on the selected tab, arrow keys, Home and
 * End move between tabs and select them. Tab ids are `${idPrefix}-tab-${id}`, panels
 * `${idPrefix}-panel-${id}`; the panel is the caller's (see TabPanel).
 */
export function Tabs<T extends string>({
  label,
  items,
  selected,
  onSelect,
  idPrefix,
}: {
  label: string;
  items: readonly TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
  idPrefix: string;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const step = (by: number) => {
    const index = items.findIndex((item) => item.id === selected);
    const item = items[(index + by + items.length) % items.length];
    if (item) onSelect(item.id);
  };
  useShortcut(SHORTCUTS.nextTab, () => step(1));
  useShortcut(SHORTCUTS.previousTab, () => step(-1));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = items.findIndex((item) => item.id === selected);
    const target: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 };
    const next = target[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const item = items[(next + items.length) % items.length];
    if (!item) return;
    onSelect(item.id);
    buttons.current.get(item.id)?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={label}
      title={t('shortcuts.tabs')}
      aria-keyshortcuts={`${SHORTCUTS.nextTab.aria} ${SHORTCUTS.previousTab.aria}`}
      className={styles.list}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => {
        const isSelected = item.id === selected;
        return (
          <button
            key={item.id}
            ref={(element) => {
              if (element) buttons.current.set(item.id, element);
              else buttons.current.delete(item.id);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${item.id}`}
            aria-selected={isSelected}
            aria-controls={isSelected ? `${idPrefix}-panel-${item.id}` : undefined}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, styles.focus, isSelected && styles.selected)}
            onClick={() => onSelect(item.id)}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}
