import { Toast, ToastTitle, useToastController, type ToastIntent } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '../../../shared/work/notification-contract.js';
import { desktopOs, MAX_SINGLE_TOASTS, osNotificationsOn, takeNew } from './announcements.js';

export const TOASTER_ID = 'avg-desk-toaster';

const INTENT: Readonly<Record<NotificationView['kind'], ToastIntent>> = {
  ter_ondertekening: 'info',
  ondertekend: 'success',
  teruggestuurd: 'warning',
  toegewezen: 'info',
  termijn: 'warning',
};

/**
 * Tells the staff member what came in since they last heard: a toast in the app and, in the desktop
 * app with the setting on, a Windows notification. `items` is the bell's list; `unread` its count.
 */
export function useAnnouncements(staffId: string, items: readonly NotificationView[] | null, unread: number): void {
  const { dispatchToast } = useToastController(TOASTER_ID);
  const { t } = useTranslation();
  useEffect(() => {
    if (items === null) return;
    const { fresh, firstTime } = takeNew(staffId, items);
    const toasts: { text: string; intent: ToastIntent }[] =
      firstTime || fresh.length > MAX_SINGLE_TOASTS
        ? (firstTime ? unread : fresh.length) > 0
          ? [{ text: t('notifications.summary', { count: firstTime ? unread : fresh.length }), intent: 'info' }]
          : []
        : fresh.map((n) => ({ text: n.text, intent: INTENT[n.kind] }));
    for (const toast of toasts) {
      dispatchToast(
        <Toast>
          <ToastTitle>{toast.text}</ToastTitle>
        </Toast>,
        { intent: toast.intent, timeout: 6_000 },
      );
    }
    const os = desktopOs();
    if (os && osNotificationsOn(staffId)) for (const toast of toasts) void os.notify({ title: t('app.name'), body: toast.text });
    // Only a new list is news (the unread count follows from it; t and dispatchToast are stable).
  }, [items]);
}
