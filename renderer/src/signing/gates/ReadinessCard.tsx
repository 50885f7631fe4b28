import { Badge, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, DismissCircleRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases/case-schemas.js';
import type { GateItemView, Readiness } from '../../../../shared/signing/gate-contract.js';
import type { ApiError } from '../../../../shared/api/result.js';
import { isAwaitingDecision } from '../../../../shared/cases/cases.js';
import { useApi } from '../../api/context.js';
import { Card } from '../../ui/Card.js';
import { ErrorBar } from '../../ui/Notice.js';

export type GateTab = GateItemView['tab'];

const useStyles = makeStyles({
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontSize: '20px' },
  missing: { color: tokens.colorPaletteRedForeground1, fontSize: '20px' },
  text: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
});

/**
 * "Klaar voor besluit": the premises of a decision (shared/signing/decision-gates.ts), as the main
 * process checks them on submit and sign; each one that is missing links to the tab where it is done.
 */
export function ReadinessCard({ detail, onOpenTab }: { detail: CaseDetail; onOpenTab: (tab: GateTab) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const [readiness, setReadiness] = useState<Readiness | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    const result = await api.call('case.readiness', { caseId: detail.id });
    if (result.ok) setReadiness(result.value);
    else setError(result.error);
  }, [api, detail.id]);

  // The detail changes with every step on the case: the checklist follows it.
  useEffect(() => {
    void load();
  }, [load, detail]);

  if (!isAwaitingDecision(detail.status)) return null;
  return (
    <Card headingId="overview-readiness" title={t('gates.title')}>
      {error ? <ErrorBar error={error} /> : null}
      {readiness ? (
        <>
          <p className={styles.muted}>
            {readiness.ready ? t('gates.ready') : t('gates.intro')}
            {readiness.letterLabel ? ` ${t('gates.forLetter', { label: readiness.letterLabel })}` : ''}
          </p>
          <ul className={styles.list}>
            {readiness.items.map((item) => (
              <li key={item.id} className={styles.item}>
                {item.ok ? <CheckmarkCircleRegular className={styles.ok} aria-hidden /> : <DismissCircleRegular className={styles.missing} aria-hidden />}
                <span className={styles.text}>
                  <Text weight="semibold">
                    {item.label}{' '}
                    <Badge appearance="tint" shape="rounded" color={item.ok ? 'success' : 'danger'}>
                      {item.ok ? t('gates.ok') : t('gates.missing')}
                    </Badge>
                  </Text>
                  {item.missing.map((m) => (
                    <Text key={m} size={200}>
                      {m}
                    </Text>
                  ))}
                  {!item.ok && item.tab !== 'overview' ? (
                    <Link as="button" onClick={() => onOpenTab(item.tab)}>
                      {t('gates.open', { tab: t(`gates.tabs.${item.tab}`) })}
                    </Link>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
