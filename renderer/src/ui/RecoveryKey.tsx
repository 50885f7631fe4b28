import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular, PrintRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoticeBar, type Notice } from './Notice.js';

const useStyles = makeStyles({
  groups: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    userSelect: 'all',
  },
  // A group is what IT types in one go: it never breaks over two lines.
  group: { whiteSpace: 'nowrap' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

const PRINT_ROOT_ID = 'avg-desk-print-root';

/** The key on paper: global.css shows only the print root when printing; nothing is written to disk. */
function printKey(heading: string, key: string, note: string): void {
  const root = document.createElement('div');
  root.id = PRINT_ROOT_ID;
  root.setAttribute('aria-hidden', 'true');
  const sheet = document.createElement('div');
  sheet.className = 'print-text';
  const title = document.createElement('h1');
  title.textContent = heading;
  const code = document.createElement('p');
  code.className = 'print-key';
  code.textContent = key;
  const text = document.createElement('p');
  text.textContent = note;
  sheet.append(title, code, text);
  root.append(sheet);
  document.body.append(root);
  try {
    window.print();
  } finally {
    root.remove();
  }
}

/**
 * A recovery key as IT must copy it: in its groups of five, each group whole on one line, with a
 * copy and a print button (the key is shown only once).
 */
export function RecoveryKey({ value }: { value: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [notice, setNotice] = useState<Notice | null>(null);
  const groups = value.split('-');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setNotice({ intent: 'success', text: t('setup.recoveryCopied') });
    } catch {
      setNotice({ intent: 'warning', text: t('setup.recoveryCopyFailed') });
    }
  }
  return (
    <>
      <div role="group" aria-label={t('setup.recoveryGroups')}>
        <ul className={styles.groups}>
          {groups.map((group, i) => (
            <li key={i} className={styles.group}>
              {group}
            </li>
          ))}
        </ul>
      </div>
      <div className={styles.actions}>
        <Button icon={<CopyRegular />} onClick={() => void copy()}>
          {t('setup.recoveryCopy')}
        </Button>
        <Button icon={<PrintRegular />} onClick={() => printKey(t('setup.recoveryPrintHeading'), value, t('setup.recoveryPrintNote'))}>
          {t('setup.recoveryPrint')}
        </Button>
      </div>
      {notice ? <NoticeBar notice={notice} /> : null}
    </>
  );
}
