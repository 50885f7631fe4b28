import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  plain: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  bordered: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    minWidth: 0,
  },
  plainLegend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  borderedLegend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface FieldsetProps {
  legend: string;
  /** A frame around the group (a form inside a form); without it the legend reads as a small heading. */
  bordered?: boolean;
  /** The group's own layout (grid, flex), added to the look above. */
  className?: string | undefined;
  legendClassName?: string | undefined;
  children: ReactNode;
}

/** A group of fields named by its legend (the group's accessible name is the legend alone). */
export function Fieldset({ legend, bordered = false, className, legendClassName, children }: FieldsetProps) {
  const styles = useStyles();
  const legendId = useId();
  return (
    <fieldset className={mergeClasses(bordered ? styles.bordered : styles.plain, className)} aria-labelledby={legendId}>
      <legend id={legendId} className={mergeClasses(bordered ? styles.borderedLegend : styles.plainLegend, legendClassName)}>
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}

/** A field's or group's error under it, read out when it appears; the inputs name `id` in aria-describedby. */
export function InlineError({ id, text, className }: { id: string; text: string | null; className?: string | undefined }) {
  const styles = useStyles();
  if (!text) return null;
  return (
    <Text id={id} size={200} className={mergeClasses(styles.error, className)} role="alert">
      {text}
    </Text>
  );
}
