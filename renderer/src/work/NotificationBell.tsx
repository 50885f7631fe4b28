import { Button, CounterBadge, Link, makeStyles, Popover, PopoverSurface, PopoverTrigger, Text, tokens } from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '../../../shared/work/notification-contract.js';
import { useApi } from '../api/context.js';
import { formatDateTime } from '../ui/format.js';
import { useAnnouncements } from './useAnnouncements.js';

const useStyles = makeStyles({
  wrap: { position: 'relative', display: 'inline-flex' },
  trigger: {
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand },
  },
  badge: { position: 'absolute', top: '2px', right: '0px', pointerEvents: 'none' },
  surface: { width: '380px', maxHeight: '60vh', overflowY: 'auto', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':last-child': { borderBottom: 'none', paddingBottom: 0 },
  },
  unread: { fontWeight: tokens.fontWeightSemibold },
  when: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** How often the bell asks again while the app is open. */
const POLL_MS = 60_000;

/**
 * The bell in the title bar: letters submitted, signed or returned, cases assigned, terms within
 * five working days. What was seen is remembered per staff member in this browser (a time, no content).
 */
export function NotificationBell({ staffId, refreshKey, onOpen }: { staffId: string; refreshKey: unknown; onOpen: (n: NotificationView) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const storageKey = `avgDesk.notificationsSeen.${staffId}`;
  const [loaded, setLoaded] = useState<NotificationView[] | null>(null);
  const items = loaded ?? [];
  const [seen, setSeen] = useState(() => localStorage.getItem(storageKey) ?? '');
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let live = true;
    const load = () =>
      void api.call('notifications.mine', {}).then((result) => {
        if (live && result.ok) setLoaded(result.value);
      });
    load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, refreshKey]);

  const unread = items.filter((n) => n.at > seen).length;
  useAnnouncements(staffId, loaded, unread);
  const markSeen = () => {
    const newest = items[0]?.at ?? '';
    if (newest > seen) {
      localStorage.setItem(storageKey, newest);
      setSeen(newest);
    }
  };
  return (
    <span className={styles.wrap}>
      <Popover
        open={open}
        positioning="below-end"
        onOpenChange={(_, data) => {
          setOpen(data.open);
          if (!data.open) markSeen();
        }}
      >
        <PopoverTrigger disableButtonEnhancement>
          <Button
            appearance="transparent"
            className={styles.trigger}
            icon={<AlertRegular />}
            aria-label={unread > 0 ? t('notifications.labelUnread', { count: unread }) : t('notifications.label')}
          />
        </PopoverTrigger>
        <PopoverSurface className={styles.surface} aria-labelledby="notifications-heading" role="dialog">
          <h2 id="notifications-heading" className={styles.heading}>
            {t('notifications.title')}
          </h2>
          {items.length === 0 ? (
            <Text>{t('notifications.empty')}</Text>
          ) : (
            <ul className={styles.list}>
              {items.map((n) => (
                <li key={n.id} className={styles.item}>
                  <Link
                    as="button"
                    className={n.at > seen ? styles.unread : undefined}
                    onClick={() => {
                      setOpen(false);
                      markSeen();
                      onOpen(n);
                    }}
                  >
                    {n.text}
                  </Link>
                  <span className={styles.when}>{formatDateTime(n.at)}</span>
                </li>
              ))}
            </ul>
          )}
        </PopoverSurface>
      </Popover>
      {unread > 0 ? <CounterBadge className={styles.badge} count={unread} size="small" color="danger" aria-hidden /> : null}
    </span>
  );
}
