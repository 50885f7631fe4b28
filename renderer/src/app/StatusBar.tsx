import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { LockClosedRegular, PersonCircleRegular, SignOutRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.js';
import { roleLabels } from '../ui/roles.js';
import { SyncIndicator } from '../sync/SyncIndicator.js';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    // One line as a rule; a long sync error or a long list of functions makes it taller rather than cut off.
    minHeight: '32px',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Who is signed in, with every function, never gives way: the sync area beside it wraps instead.
  who: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, flexShrink: 0, whiteSpace: 'nowrap' },
  name: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  roles: { color: tokens.colorNeutralForeground2 },
  spacer: { flexGrow: 1 },
  // Always whole: locking and signing out must never be cut off by a long sync message.
  action: { flexShrink: 0 },
});

/** Who is signed in, with which functions, the sync state, and the way out. */
export function StatusBar() {
  const { staff, signOut, lock } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  return (
    <div className={styles.bar} role="group" aria-label={t('status.label')}>
      <div className={styles.who}>
        <PersonCircleRegular fontSize={16} aria-hidden />
        <Text size={200}>
          <span className="visually-hidden">{t('status.signedInAs')} </span>
          <span className={styles.name}>{staff.fullName}</span>
        </Text>
        <Text size={200} className={styles.roles}>
          · {roleLabels(staff.roles)}
        </Text>
      </div>
      <div className={styles.spacer} />
      <SyncIndicator />
      <Button appearance="subtle" size="small" className={styles.action} icon={<LockClosedRegular />} disabledFocusable={busy} onClick={() => void lock()}>
        {t('desktop.lock.button')}
      </Button>
      <Button
        appearance="subtle"
        size="small"
        className={styles.action}
        icon={<SignOutRegular />}
        disabledFocusable={busy}
        onClick={() => {
          setBusy(true);
          void signOut().finally(() => setBusy(false));
        }}
      >
        {t('status.signOut')}
      </Button>
    </div>
  );
}
