import { tokens } from '@fluentui/react-components';

/** A bordered group of fields with its legend, as the letter and register forms use; spread into makeStyles. */
export const fieldsetStyles = (rowGap: string) =>
  ({
    fieldset: {
      margin: 0,
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      borderRadius: tokens.borderRadiusMedium,
      display: 'flex',
      flexDirection: 'column',
      rowGap,
    },
    legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  }) as const;
