import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ArrowRightRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/cases/case-schemas.js';
import type { NextStepView } from '../../../shared/signing/gate-contract.js';
import type { NextStepTab } from '../../../shared/work/next-step.js';
import { useApi } from '../api/context.js';

const useStyles = makeStyles({
  // The step's tab name must never be cut off: the button keeps its width.
  action: { whiteSpace: 'nowrap', flexShrink: 0 },
});

/**
 * The first card of the Overzicht: the case's one next step, the same the handler's "Mijn werk"
 * shows (both come from case.readiness / shared/work/next-step.ts), with a way to its tab.
 */
export function NextStepCard({ detail, onOpenTab }: { detail: CaseDetail; onOpenTab: (tab: NextStepTab) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const [step, setStep] = useState<NextStepView | null | undefined>(undefined);

  // Every change to the case (the detail is replaced) may move the step on.
  useEffect(() => {
    let live = true;
    void api.call('case.readiness', { caseId: detail.id }).then((result) => {
      if (live) setStep(result.ok ? result.value.nextStep : undefined);
    });
    return () => {
      live = false;
    };
  }, [api, detail]);

  if (!step) return null;
  return (
    <MessageBar intent="info" layout="multiline" aria-label={t('nextStep.title')} role="region">
      <MessageBarBody>
        <MessageBarTitle>
          {t('nextStep.title')}: {step.label}
        </MessageBarTitle>
        {step.detail}
      </MessageBarBody>
      {step.tab !== 'overview' ? (
        <MessageBarActions>
          <Button className={styles.action} icon={<ArrowRightRegular />} iconPosition="after" onClick={() => onOpenTab(step.tab)}>
            {t('nextStep.go', { tab: t(`case.tabs.${step.tab}`) })}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
