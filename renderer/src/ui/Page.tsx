import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';
import { TitledSection } from './Card.js';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalXXL}`,
    // Wide enough that a full-HD screen is used (the PDF viewer beside its list); forms keep their own widths.
    maxWidth: '1680px',
  },
  // A screen whose last part (a long list) takes the remaining height and scrolls on its own.
  fill: { height: '100%', minHeight: '520px', boxSizing: 'border-box' },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    ':focus': { outline: 'none' },
  },
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '80ch' },
});

/**
 * One screen in the shell: its heading (h1) and content. Focus moves to the heading when the
 * screen opens, so keyboard and screen-reader users land at the start of the new content.
 */
export function Page({ title, intro, fill, children }: { title: string; intro?: ReactNode; fill?: boolean; children: ReactNode }) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className={mergeClasses(styles.page, fill && styles.fill)}>
      <div className={styles.header}>
        <h1 className={styles.title} ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {intro ? (
          <Text as="p" className={styles.intro} style={{ margin: 0 }}>
            {intro}
          </Text>
        ) : null}
      </div>
      {children}
    </div>
  );
}

const useSectionStyles = makeStyles({ section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS } });

/** A titled part of a screen (h2), without a panel of its own. */
export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const styles = useSectionStyles();
  const headingId = `${id ?? title}-heading`.replace(/\s+/gu, '-');
  return (
    <TitledSection headingId={headingId} title={title} className={styles.section}>
      {children}
    </TitledSection>
  );
}
