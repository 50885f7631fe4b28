import { makeStyles, tokens } from '@fluentui/react-components';

/** The bordered, compact look every list shares. */
export const useTableStyles = makeStyles({
  frame: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowX: 'auto',
  },
  // Fluent's tables default to a fixed layout with equal columns; business lists size to content.
  table: { tableLayout: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
  headerRow: { backgroundColor: tokens.colorNeutralBackground3 },
  headerCell: { fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  spacer: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
  empty: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`, color: tokens.colorNeutralForeground2 },
  footer: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
});
