import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type ProcedureName } from '../../../shared/api/contract.js';
import { isAllowed } from '../../../shared/staff/permissions.js';
import { useSession } from '../api/session.js';
import { Page } from '../ui/Page.js';
import { Tabs } from '../ui/Tabs.js';
import { StaffScreen } from '../staff/StaffScreen.js';
import { CentralSettings } from './CentralSettings.js';
import { DesktopSettings } from './DesktopSettings.js';
import { LetterheadSettings } from './LetterheadSettings.js';
import { RegisterSettings } from './RegisterSettings.js';
import { SigningSettings } from './SigningSettings.js';
import { TemplateSettings } from './TemplateSettings.js';
import { TermsSettings } from './TermsSettings.js';

type AdminTab = 'staff' | 'signing' | 'letterhead' | 'templates' | 'register' | 'terms' | 'central' | 'desktop';
/** Each tab with the procedure it cannot work without: a function sees the tabs it may use. */
const TABS: readonly { id: AdminTab; needs: ProcedureName }[] = [
  { id: 'staff', needs: 'staff.list' },
  { id: 'signing', needs: 'settings.getSigning' },
  { id: 'letterhead', needs: 'settings.getLetterhead' },
  { id: 'templates', needs: 'letter.templates' },
  { id: 'register', needs: 'register.upsert' },
  { id: 'terms', needs: 'settings.getDeadlinePolicy' },
  { id: 'central', needs: 'sync.getSettings' },
  { id: 'desktop', needs: 'settings.setAutoLock' },
];

const useStyles = makeStyles({ panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS } });

/**
 * Beheer, each part a tab. Functioneel beheer: the staff accounts, the signing certificate, the
 * letterhead, the central connection and this desktop. The privacy officer: the templates, the
 * processing register and the terms (deadlines and retention).
 */
export function AdminScreen() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { staff } = useSession();
  const tabs = TABS.filter((tab) => isAllowed(staff.roles, contract[tab.needs].action)).map((tab) => tab.id);
  const [chosen, setTab] = useState<AdminTab | null>(null);
  const tab = chosen !== null && tabs.includes(chosen) ? chosen : (tabs[0] ?? 'staff');
  return (
    <Page title={t('staff.pageTitle')}>
      <Tabs
        label={t('settings.tabs.label')}
        idPrefix="admin"
        items={tabs.map((id) => ({
          id,
          label:
            id === 'desktop'
              ? t('desktop.tab')
              : id === 'central'
                ? t('sync.settings.title')
                : id === 'terms'
                  ? t('termsSettings.tab')
                  : t(`settings.tabs.${id}`),
        }))}
        selected={tab}
        onSelect={setTab}
      />
      <div role="tabpanel" id={`admin-panel-${tab}`} aria-labelledby={`admin-tab-${tab}`} className={styles.panel} tabIndex={-1}>
        {tab === 'staff' ? <StaffScreen embedded /> : null}
        {tab === 'signing' ? <SigningSettings /> : null}
        {tab === 'letterhead' ? <LetterheadSettings /> : null}
        {tab === 'templates' ? <TemplateSettings /> : null}
        {tab === 'register' ? <RegisterSettings /> : null}
        {tab === 'terms' ? <TermsSettings /> : null}
        {tab === 'central' ? <CentralSettings /> : null}
        {tab === 'desktop' ? <DesktopSettings /> : null}
      </div>
    </Page>
  );
}
