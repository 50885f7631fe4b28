import { makeStyles, tokens } from '@fluentui/react-components';
import { mutedText, sectionHeading, wrappingActionRow } from '../ui/styles.js';

/** The look the Beheer sections share: a card per part, a grid of fields, an action row. */
export const useSettingsStyles = makeStyles({
  heading: sectionHeading,
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'start',
  },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: wrappingActionRow,
  muted: mutedText,
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});
