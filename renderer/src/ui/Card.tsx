import { makeStyles, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useCardStyles } from './cardStyles.js';
import { mutedText, sectionHeading } from './styles.js';

const useStyles = makeStyles({ heading: sectionHeading, intro: mutedText });

interface TitledSectionProps {
  /** The h2's id; the section is named by it. */
  headingId: string;
  title: ReactNode;
  className: string;
  children: ReactNode;
}

/** A part of a screen named by its own heading (h2). */
export function TitledSection({ headingId, title, className, children }: TitledSectionProps) {
  const styles = useStyles();
  return (
    <section className={className} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * A white panel named by its own heading: a settings part, a block of a screen or of a case's
 * overview; the intro is the muted line under the heading that says what the panel is for.
 */
export function Card({ intro, children, ...heading }: Omit<TitledSectionProps, 'className'> & { intro?: string }) {
  const card = useCardStyles();
  const styles = useStyles();
  return (
    <TitledSection {...heading} className={card.card}>
      {intro ? (
        <Text as="p" className={styles.intro}>
          {intro}
        </Text>
      ) : null}
      {children}
    </TitledSection>
  );
}
