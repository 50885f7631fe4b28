import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  TableCell,
  TableRow,
  Text,
  tokens,
  useRestoreFocusTarget,
  type BadgeProps,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, EditRegular, PersonAddRegular, WarningFilled } from '@fluentui/react-icons';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases/case-schemas.js';
import { HEARING_LABELS, mustRedact, type HearingStatus } from '../../../../shared/dossier/dossier.js';
import { useSession } from '../../api/session.js';
import { useCardStyles } from '../../ui/cardStyles.js';
import { DataTable } from '../../ui/DataTable.js';
import { LoadedContent } from '../../ui/LoadedContent.js';
import { useDialog } from '../../ui/useDialog.js';
import { NoticeBar, type Notice } from '../../ui/Notice.js';
import { useTableStyles } from '../../ui/tableStyles.js';
import { isAssignedHandler } from '../../cases/access.js';
import { useDocuments, useThirdParties, type ThirdPartyView } from '../useDossier.js';
import { AddThirdPartyDialog, UpdateThirdPartyDialog } from './ThirdPartyDialogs.js';
import { headingRow, introText, sectionHeading } from '../../ui/styles.js';
import { TitledBar } from '../../ui/TitledBar.js';

const STATUS_COLORS: Readonly<Record<HearingStatus, NonNullable<BadgeProps['color']>>> = {
  te_horen: 'warning',
  toestemming: 'success',
  geen_toestemming: 'danger',
  niet_bereikbaar: 'severe',
};

const useStyles = makeStyles({
  heading: sectionHeading,
  headingRow: headingRow,
  intro: introText,
  problems: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  yesNo: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  yes: { color: tokens.colorPaletteGreenForeground1 },
  no: { color: tokens.colorStatusWarningForeground3 },
  small: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  note: { maxWidth: '32ch', overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
});

/** Adding someone to the register, or recording the outcome of hearing them. */
type PartyDialog = { kind: 'add' } | { kind: 'update'; party: ThirdPartyView };

/** What still stands between this case and a decision, as the backend checks it (§13). */
export function registerProblems(parties: readonly ThirdPartyView[], t: TFunction): string[] {
  return parties.flatMap((p) => {
    if (p.hearingStatus === 'te_horen') return [t('thirdParties.problems.toHear', { name: p.name })];
    if (mustRedact(p.hearingStatus) && !p.redactedEverywhere) return [t('thirdParties.problems.notRedacted', { name: p.name })];
    return [];
  });
}

/**
 * Derden: the register of people other than the requester whose data is in the dossier, with the
 * outcome of hearing them (§13) and whether their data is redacted in every document they occur in.
 */
export function ThirdPartiesTab({ detail, onReload }: { detail: CaseDetail; onReload: () => Promise<void> }) {
  const { staff } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const card = useCardStyles();
  const headingId = useId();
  const restoreFocus = useRestoreFocusTarget();
  const canWork = isAssignedHandler(staff, detail.handlerId);
  const parties = useThirdParties(detail.id);
  const documents = useDocuments(detail.id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const dialog = useDialog<PartyDialog>();

  const openDialog = (next: PartyDialog) => {
    dialog.show(next);
    setNotice(null);
  };
  const done = (message: string) => {
    setNotice({ intent: 'success', text: message });
    void parties.reload();
    // The tasks on Overzicht change with the register.
    void onReload();
  };

  const list = parties.value ?? [];
  const problems = registerProblems(list, t);
  const docNames = new Map((documents.value ?? []).map((d) => [d.id, d.name]));

  return (
    <>
      <Text as="p" block className={styles.intro}>
        {t('thirdParties.intro')}
      </Text>
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {problems.length > 0 ? (
        <TitledBar intent="warning" title={t('thirdParties.problems.title')}>
          <ul className={styles.problems}>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </TitledBar>
      ) : list.length > 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>{t('thirdParties.problems.none')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <section className={card.card} aria-labelledby={headingId}>
        <div className={styles.headingRow}>
          <h2 id={headingId} className={styles.heading}>
            {t('thirdParties.title')}
          </h2>
          {canWork ? (
            <Button appearance="primary" icon={<PersonAddRegular />} {...restoreFocus} onClick={() => openDialog({ kind: 'add' })}>
              {t('thirdParties.add')}
            </Button>
          ) : null}
        </div>
        <LoadedContent loaded={parties} loading={t('thirdParties.loading')}>
          {() =>
            list.length === 0 ? (
              <Text className={table.muted}>{t('thirdParties.empty')}</Text>
            ) : (
              <DataTable
                label={t('thirdParties.tableLabel')}
                columns={[
                  t('thirdParties.columns.name'),
                  t('thirdParties.columns.role'),
                  t('thirdParties.columns.documents'),
                  t('thirdParties.columns.status'),
                  t('thirdParties.columns.note'),
                  t('thirdParties.columns.redacted'),
                  canWork && t('thirdParties.columns.actions'),
                ]}
              >
                {list.map((party) => (
                  <TableRow key={party.id}>
                    <TableCell>
                      <Text weight="semibold">{party.name}</Text>
                    </TableCell>
                    <TableCell>{party.role}</TableCell>
                    <TableCell>
                      {t('thirdParties.documentCount', { count: party.documentIds.length })}
                      {party.documentIds.length > 0 ? (
                        <span className={styles.small}>
                          {party.documentIds
                            .map((id) => docNames.get(id) ?? '')
                            .filter(Boolean)
                            .join(', ')}
                        </span>
                      ) : null}
                    </TableCell>
                    <TableCell className={table.nowrap}>
                      <Badge appearance="tint" shape="rounded" color={STATUS_COLORS[party.hearingStatus]}>
                        {HEARING_LABELS[party.hearingStatus]}
                      </Badge>
                    </TableCell>
                    <TableCell>
                      <span className={styles.note}>{party.note || t('common.none')}</span>
                    </TableCell>
                    <TableCell>
                      <RedactedCell party={party} />
                    </TableCell>
                    {canWork ? (
                      <TableCell>
                        <Button
                          size="small"
                          icon={<EditRegular />}
                          aria-label={t('thirdParties.updateFor', { name: party.name })}
                          {...restoreFocus}
                          onClick={() => openDialog({ kind: 'update', party })}
                        >
                          {t('thirdParties.update')}
                        </Button>
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </DataTable>
            )
          }
        </LoadedContent>
      </section>
      {dialog.state?.value.kind === 'add' ? (
        <AddThirdPartyDialog
          key={dialog.state.shown}
          control={dialog.control((party: ThirdPartyView) => done(t('thirdParties.added', { name: party.name })))}
          caseId={detail.id}
          documents={documents.value ?? []}
        />
      ) : null}
      {dialog.state?.value.kind === 'update' ? (
        <UpdateThirdPartyDialog
          key={dialog.state.shown}
          control={dialog.control((party: ThirdPartyView) =>
            done(t('thirdParties.updated', { name: party.name, status: HEARING_LABELS[party.hearingStatus] })),
          )}
          caseId={detail.id}
          party={dialog.state.value.party}
          documents={documents.value ?? []}
        />
      ) : null}
    </>
  );
}

function RedactedCell({ party }: { party: ThirdPartyView }) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (party.redactedEverywhere) {
    return (
      <span className={styles.yesNo}>
        <CheckmarkCircleFilled className={styles.yes} aria-hidden />
        {t('common.yes')}
      </span>
    );
  }
  const needed = mustRedact(party.hearingStatus);
  return (
    <span className={styles.yesNo}>
      {needed ? <WarningFilled className={styles.no} aria-hidden /> : null}
      {needed ? t('thirdParties.notYet') : t('common.no')}
    </span>
  );
}
