import { makeStyles, tokens } from '@fluentui/react-components';

/** Spacing shared by every form, so the screens line up. */
export const useFormStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  narrow: { maxWidth: '440px' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center', paddingTop: tokens.spacingVerticalXS },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
});
