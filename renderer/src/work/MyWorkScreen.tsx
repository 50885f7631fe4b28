import { Badge, Button, Link, makeStyles, Spinner, TableCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowRightRegular } from '@fluentui/react-icons';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyWork } from '../../../shared/work/work-contract.js';
import { REQUEST_TYPE_LABELS } from '../../../shared/cases/cases.js';
import { LETTER_KIND_LABELS } from '../../../shared/letters/types.js';
import { useApi } from '../api/context.js';
import { useSession } from '../api/session.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { DataTable } from '../ui/DataTable.js';
import { DueDate } from '../ui/DueDate.js';
import { ErrorBar } from '../ui/Notice.js';
import { Page } from '../ui/Page.js';
import { useTableStyles } from '../ui/tableStyles.js';
import { useLoaded } from '../ui/useLoaded.js';
import { formatDateTime, formatDay } from '../ui/format.js';
import type { ScreenId } from '../ui/screens.js';
import type { NextStepId, NextStepTab } from '../../../shared/work/next-step.js';
import { sectionHeading } from '../ui/styles.js';

const useStyles = makeStyles({
  heading: { ...sectionHeading, flexGrow: 1 },
  head: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  sub: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  step: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalL,
    alignItems: 'start',
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

interface MyWorkScreenProps {
  /** With a tab: the case opens where its next step is done (`step`: and starts it, where it is one action). */
  onOpenCase: (caseId: string, tab?: NextStepTab, step?: NextStepId) => void;
  onOpenScreen: (screen: ScreenId) => void;
  /** A letter waiting for the signer: Ondertekenen opens with it. */
  onOpenLetter: (letterId: string) => void;
}

/**
 * "Mijn werk": the start page of whoever has work waiting, a card per function they hold. The
 * backend sends only the sections of the caller's own functions.
 */
export function MyWorkScreen({ onOpenCase, onOpenScreen, onOpenLetter }: MyWorkScreenProps) {
  const api = useApi();
  const { t } = useTranslation();
  const { staff } = useSession();
  const table = useTableStyles();
  const { value: work, error, reload } = useLoaded(useCallback(() => api.call('work.mine', {}), [api]));
  return (
    <Page title={t('work.title')} intro={t('work.intro')}>
      <div className={table.toolbar}>
        <Button icon={<ArrowClockwiseRegular />} onClick={() => void reload()}>
          {t('work.refresh')}
        </Button>
        {work === null && !error ? <Spinner size="tiny" label={t('work.loading')} /> : null}
      </div>
      {error ? <ErrorBar error={error} /> : null}
      {work?.signer ? <SignerCard letters={work.signer.letters} onOpen={() => onOpenScreen('signing')} onOpenLetter={onOpenLetter} /> : null}
      {work?.handler ? <HandlerCard cases={work.handler.cases} onOpenCase={onOpenCase} /> : null}
      {work?.dpo ? <DpoCards dpo={work.dpo} onOpenCase={onOpenCase} onOpenScreen={onOpenScreen} /> : null}
      {work?.intake ? (
        <IntakeCard cases={work.intake.unassigned} onOpenCase={staff.roles.some((r) => r === 'handler' || r === 'dpo') ? onOpenCase : null} />
      ) : null}
      {work?.intake ? <DuplicatesCard groups={work.intake.possibleDuplicates} /> : null}
    </Page>
  );
}

function Card({ id, title, children, action }: { id: string; title: string; children: React.ReactNode; action?: React.ReactNode }) {
  const card = useCardStyles();
  const styles = useStyles();
  return (
    <section className={card.card} aria-labelledby={`work-${id}`}>
      <div className={styles.head}>
        <h2 id={`work-${id}`} className={styles.heading}>
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

function HandlerCard({
  cases,
  onOpenCase,
}: {
  cases: NonNullable<MyWork['handler']>['cases'];
  onOpenCase: (id: string, tab?: NextStepTab, step?: NextStepId) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const thisWeek = cases.filter((c) => c.dueThisWeek).length;
  const overdue = cases.filter((c) => c.overdue).length;
  return (
    <Card id="handler" title={t('work.handler.title')}>
      <p className={styles.muted}>
        {overdue > 0 ? `${t('work.handler.overdue', { count: overdue })} ` : ''}
        {thisWeek > 0 ? t('work.handler.dueThisWeek', { count: thisWeek }) : t('work.handler.noneThisWeek')}
      </p>
      <DataTable
        label={t('work.handler.title')}
        columns={[t('work.handler.columns.case'), t('work.handler.columns.step'), t('work.handler.columns.due')]}
        empty={cases.length === 0 && t('work.handler.empty')}
      >
        {cases.map((c) => (
          <TableRow key={c.id}>
            <TableCell>
              <Link as="button" onClick={() => onOpenCase(c.id)}>
                {c.reference}
              </Link>
              <span className={styles.sub}>
                {c.requesterName} · {REQUEST_TYPE_LABELS[c.type]}
              </span>
            </TableCell>
            <TableCell>
              {c.nextStep ? (
                <>
                  {c.nextStep.tab !== 'overview' ? (
                    <Link as="button" className={styles.step} onClick={() => c.nextStep && onOpenCase(c.id, c.nextStep.tab, c.nextStep.id)}>
                      {c.nextStep.label}
                    </Link>
                  ) : (
                    <span className={styles.step}>{c.nextStep.label}</span>
                  )}
                  {c.nextStep.detail ? <span className={styles.sub}>{c.nextStep.detail}</span> : null}
                </>
              ) : (
                <span className={styles.sub}>{t('work.handler.noStep')}</span>
              )}
            </TableCell>
            <TableCell className={table.nowrap}>
              <DueDate dueOn={c.dueOn} workingDaysLeft={c.workingDaysLeft} urgency={c.urgency} stacked />
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </Card>
  );
}

function SignerCard({
  letters,
  onOpen,
  onOpenLetter,
}: {
  letters: NonNullable<MyWork['signer']>['letters'];
  onOpen: () => void;
  onOpenLetter: (letterId: string) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const mine = letters.filter((l) => l.maySign).length;
  return (
    <Card
      id="signer"
      title={t('work.signer.title')}
      action={
        <Button icon={<ArrowRightRegular />} iconPosition="after" onClick={onOpen}>
          {t('work.signer.go')}
        </Button>
      }
    >
      <p className={styles.muted}>{mine > 0 ? t('work.signer.count', { count: mine }) : t('work.signer.empty')}</p>
      {letters.length > 0 ? (
        <DataTable
          label={t('work.signer.title')}
          columns={[t('work.signer.columns.letter'), t('work.signer.columns.case'), t('work.signer.columns.drafted'), t('work.signer.columns.submitted')]}
        >
          {letters.map((l) => (
            <TableRow key={l.id}>
              <TableCell>
                <Link as="button" onClick={() => onOpenLetter(l.id)}>
                  {LETTER_KIND_LABELS[l.kind]}
                </Link>
                {l.maySign ? null : (
                  <Badge appearance="tint" color="warning" shape="rounded" size="small" style={{ marginLeft: tokens.spacingHorizontalS }}>
                    {t('work.signer.own')}
                  </Badge>
                )}
              </TableCell>
              <TableCell className={table.nowrap}>{l.caseReference}</TableCell>
              <TableCell>{l.draftedBy ?? t('common.none')}</TableCell>
              <TableCell className={table.nowrap}>{l.submittedAt ? formatDateTime(l.submittedAt) : t('common.none')}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      ) : null}
    </Card>
  );
}

function DpoCards({
  dpo,
  onOpenCase,
  onOpenScreen,
}: {
  dpo: NonNullable<MyWork['dpo']>;
  onOpenCase: (id: string) => void;
  onOpenScreen: (screen: ScreenId) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const toRetention = (
    <Button icon={<ArrowRightRegular />} iconPosition="after" onClick={() => onOpenScreen('retention')}>
      {t('work.dpo.goRetention')}
    </Button>
  );
  return (
    <>
      <Card id="overdue" title={t('work.dpo.overdue')}>
        <DataTable
          label={t('work.dpo.overdue')}
          columns={[t('work.dpo.columns.case'), t('work.dpo.columns.type'), t('work.dpo.columns.due'), t('work.dpo.columns.handler')]}
          empty={dpo.overdue.length === 0 && t('work.dpo.overdueEmpty')}
        >
          {dpo.overdue.map((c) => (
            <TableRow key={c.id}>
              <TableCell className={table.nowrap}>
                <Link as="button" onClick={() => onOpenCase(c.id)}>
                  {c.reference}
                </Link>
              </TableCell>
              <TableCell>{REQUEST_TYPE_LABELS[c.type]}</TableCell>
              <TableCell className={table.nowrap}>
                <DueDate dueOn={c.dueOn} workingDaysLeft={c.workingDaysLeft} urgency={c.urgency} stacked />
              </TableCell>
              <TableCell>{c.handlerName ?? t('work.dpo.unassigned')}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      </Card>
      <div className={styles.grid}>
        <Card id="destruction" title={t('work.dpo.destruction')} action={toRetention}>
          <p className={styles.muted}>
            {dpo.destructionList
              ? t('work.dpo.destructionOpen', { count: dpo.destructionList.items, date: formatDateTime(dpo.destructionList.proposedAt) })
              : t('work.dpo.destructionNone')}
          </p>
        </Card>
        <Card id="holds" title={t('work.dpo.holds')}>
          {dpo.holds.length === 0 ? (
            <p className={styles.muted}>{t('work.dpo.holdsEmpty')}</p>
          ) : (
            <ul className={styles.list}>
              {dpo.holds.map((h) => (
                <li key={`${h.caseId}-${h.placedAt}`}>
                  <Link as="button" onClick={() => onOpenCase(h.caseId)}>
                    {h.reference}
                  </Link>{' '}
                  <Text>
                    {h.reason} ({t('work.dpo.holdSince', { date: formatDay(h.placedAt.slice(0, 10)) })})
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card id="sync" title={t('work.dpo.sync')}>
          {dpo.refusedSync.length === 0 ? (
            <p className={styles.muted}>{t('work.dpo.syncEmpty')}</p>
          ) : (
            <ul className={styles.list}>
              {dpo.refusedSync.map((r) => (
                <li key={`${r.reference}-${r.reason}`}>
                  <Text>
                    {r.reference}: {r.reason}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

function IntakeCard({ cases, onOpenCase }: { cases: NonNullable<MyWork['intake']>['unassigned']; onOpenCase: ((id: string) => void) | null }) {
  const { t } = useTranslation();
  const table = useTableStyles();
  return (
    <Card id="intake" title={t('work.intake.title')}>
      <DataTable
        label={t('work.intake.title')}
        columns={[t('work.intake.columns.case'), t('work.intake.columns.type'), t('work.intake.columns.received'), t('work.intake.columns.due')]}
        empty={cases.length === 0 && t('work.intake.empty')}
      >
        {cases.map((c) => (
          <TableRow key={c.id}>
            <TableCell className={table.nowrap}>
              {onOpenCase ? (
                <Link as="button" onClick={() => onOpenCase(c.id)}>
                  {c.reference}
                </Link>
              ) : (
                c.reference
              )}
            </TableCell>
            <TableCell>{REQUEST_TYPE_LABELS[c.type]}</TableCell>
            <TableCell className={table.nowrap}>{formatDay(c.receivedOn)}</TableCell>
            <TableCell className={table.nowrap}>
              <DueDate dueOn={c.dueOn} workingDaysLeft={c.workingDaysLeft} urgency={c.urgency} stacked />
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </Card>
  );
}

/** Open requests that may come from the same person: case numbers and what they share, no names. */
function DuplicatesCard({ groups }: { groups: NonNullable<MyWork['intake']>['possibleDuplicates'] }) {
  const { t } = useTranslation();
  return (
    <Card id="duplicates" title={t('work.duplicates.title')}>
      <DataTable
        label={t('work.duplicates.title')}
        columns={[t('work.duplicates.columns.cases'), t('work.duplicates.columns.basis')]}
        empty={groups.length === 0 && t('work.duplicates.empty')}
      >
        {groups.map((g) => (
          <TableRow key={g.references.join(' ')}>
            <TableCell>{g.references.join(', ')}</TableCell>
            <TableCell>{g.basis.map((b) => t(`work.duplicates.basis.${b}`)).join(', ')}</TableCell>
          </TableRow>
        ))}
      </DataTable>
    </Card>
  );
}
