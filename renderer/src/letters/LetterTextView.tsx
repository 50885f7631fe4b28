import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../ui/format.js';
import type { LetterBlock, LetterContent } from './letterTypes.js';

const useStyles = makeStyles({
  letter: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: '78vh',
    overflowY: 'auto',
    boxSizing: 'border-box',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  p: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  meta: { margin: 0, whiteSpace: 'pre-line', color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      textAlign: 'start',
      verticalAlign: 'top',
    },
  },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    margin: 0,
    '& dd': { margin: 0 },
    '& dt': { color: tokens.colorNeutralForeground2 },
  },
});

/** One block of a letter, as text on screen. */
export function BlockView({ block }: { block: LetterBlock }) {
  const styles = useStyles();
  switch (block.type) {
    case 'paragraph':
      return <p className={styles.p}>{block.text}</p>;
    case 'heading':
      return (
        <p className={styles.p}>
          <strong>{block.text}</strong>
        </p>
      );
    case 'list':
      return (
        <ul className={styles.list}>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <table className={styles.table}>
          <thead>
            <tr>
              {block.columns.map((c, i) => (
                <th key={i} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'fields':
      return (
        <dl className={styles.fields}>
          {block.fields.map((f, i) => (
            <div key={i} style={{ display: 'contents' }}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      );
  }
}

/** The letter's text as the signer reads it next to the PDF: addressee, reference line, body. */
export function LetterTextView({ content }: { content: LetterContent }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <article className={styles.letter} aria-label={t('letters.text.label')} tabIndex={0}>
      <p className={styles.meta}>{[content.addressee.name, ...content.addressee.lines].join('\n')}</p>
      <p className={styles.meta}>{t('letters.text.reference', { reference: content.reference.ourReference, date: formatDay(content.reference.date) })}</p>
      <p className={styles.p}>
        <strong>{content.reference.subject}</strong>
      </p>
      <p className={styles.p}>{content.salutation}</p>
      {content.blocks.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
      <p className={styles.p}>{content.closing}</p>
    </article>
  );
}
