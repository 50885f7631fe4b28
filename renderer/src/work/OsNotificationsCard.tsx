import { Switch, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { osNotificationsOn, setOsNotifications } from './announcements.js';

/** Mijn account, in the desktop app: the staff member's own switch for Windows notifications. */
export function OsNotificationsCard({ staffId, className }: { staffId: string; className: string }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(() => osNotificationsOn(staffId));
  return (
    <div className={className}>
      <Switch
        label={t('notifications.osSwitch')}
        checked={on}
        onChange={(_, data) => {
          setOsNotifications(staffId, data.checked);
          setOn(data.checked);
        }}
      />
      <Text as="p" size={200}>
        {t('notifications.osHint')}
      </Text>
    </div>
  );
}
