import { tokens, type GriffelStyle } from '@fluentui/react-components';

/**
 * The style rules the screens share, as plain Griffel objects: a screen's makeStyles names them
 * (`heading: sectionHeading`) and adds its own, so the look is defined once.
 */

/** The heading of a card or a section in a tab (h2/h3). */
export const sectionHeading: GriffelStyle = {
  margin: 0,
  fontSize: tokens.fontSizeBase400,
  lineHeight: tokens.lineHeightBase400,
  fontWeight: tokens.fontWeightSemibold,
};

/** A heading with its badge or button beside it. */
export const headingRow: GriffelStyle = { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' };

/** The explanation under a heading, in a readable measure. */
export const introText: GriffelStyle = { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '80ch' };

/** Secondary text: a hint, an empty list, a detail. */
export const mutedText: GriffelStyle = { margin: 0, color: tokens.colorNeutralForeground2 };

/** Buttons in a row, on one line. */
export const actionRow: GriffelStyle = { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS };

/** Buttons in a row that wraps when the space runs out. */
export const wrappingActionRow: GriffelStyle = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  columnGap: tokens.spacingHorizontalS,
  rowGap: tokens.spacingVerticalS,
};

/** A heading one step below sectionHeading. */
export const subHeading: GriffelStyle = { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold };

/** A letter under review: the PDF and its text side by side where there is room. */
export const reviewColumns: GriffelStyle = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))',
  columnGap: tokens.spacingHorizontalL,
  rowGap: tokens.spacingVerticalL,
  alignItems: 'start',
};

export const reviewColumn: GriffelStyle = { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 };

/** A list without bullets, its items stacked with a little room. */
export const plainList: GriffelStyle = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS };
