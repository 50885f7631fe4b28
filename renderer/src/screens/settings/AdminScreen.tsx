import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.js';
import { Tabs } from '../../components/Tabs.js';
import { StaffScreen } from '../staff/StaffScreen.js';
import { CentralSettings } from './CentralSettings.js';
import { DesktopSettings } from './DesktopSettings.js';
import { LetterheadSettings } from './LetterheadSettings.js';
import { RegisterSettings } from './RegisterSettings.js';
import { RetentionSettings } from './RetentionSettings.js';
import { SigningSettings } from './SigningSettings.js';
import { TemplateSettings } from './TemplateSettings.js';

type AdminTab = 'staff' | 'signing' | 'letterhead' | 'templates' | 'register' | 'retention' | 'central' | 'desktop';
const TABS: readonly AdminTab[] = ['staff', 'signing', 'letterhead', 'templates', 'register', 'retention', 'central', 'desktop'];

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
  },
});

/**
 * Beheer, for functioneel beheer: the staff accounts, and for the letters the organisation's
 * signing certificate, the letterhead, the templates and the processing register, each a tab.
 */
export function AdminScreen() {
  const { t } = useTranslation();
  const styles = useStyles();
  const [tab, setTab] = useState<AdminTab>('staff');
  return (
    <Page title={t('staff.pageTitle')}>
      <Tabs label={t('settings.tabs.label')} idPrefix="admin" items={TABS.map((id) => ({ id, label: id === 'desktop' ? t('desktop.tab') : id === 'central' ? t('sync.settings.title') : id === 'retention' ? t('retentionSettings.title') : t(`settings.tabs.${id}`) }))} selected={tab} onSelect={setTab} />
      <div role="tabpanel" id={`admin-panel-${tab}`} aria-labelledby={`admin-tab-${tab}`} className={styles.panel} tabIndex={-1}>
        {tab === 'staff' ? <StaffScreen embedded /> : null}
        {tab === 'signing' ? <SigningSettings /> : null}
        {tab === 'letterhead' ? <LetterheadSettings /> : null}
        {tab === 'templates' ? <TemplateSettings /> : null}
        {tab === 'register' ? <RegisterSettings /> : null}
        {tab === 'retention' ? <RetentionSettings /> : null}
        {tab === 'central' ? <CentralSettings /> : null}
        {tab === 'desktop' ? <DesktopSettings /> : null}
      </div>
    </Page>
  );
}
