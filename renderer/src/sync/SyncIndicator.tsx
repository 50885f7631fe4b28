import { Button, makeStyles, Popover, PopoverSurface, PopoverTrigger, Spinner, Text, Tooltip, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, ErrorCircleRegular, PersonWarningRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/sync/sync-schemas.js';
import { formatDate, formatTime } from '../ui/format.js';
import { useSyncStatus, type SyncOutcome } from './syncStatus.js';

/** How long "12 verstuurd, 3 opgehaald" stays in the status bar. */
const RESULT_SHOWN_MS = 15_000;

const useStyles = makeStyles({
  // It gives way before the lock and sign-out buttons do: a long error wraps onto a second line of the bar, whole.
  area: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, minWidth: 0, flexShrink: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
  state: { flexShrink: 0, display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
  waiting: { flexShrink: 0, whiteSpace: 'nowrap', color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  error: { minWidth: 0, height: 'auto', textAlign: 'start', color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightRegular },
  run: { flexShrink: 0 },
  refused: { flexShrink: 0, whiteSpace: 'nowrap', color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightRegular },
  errorText: { whiteSpace: 'normal' },
  surface: { maxWidth: '420px', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  surfaceTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  surfaceText: { margin: 0 },
  result: { color: tokens.colorNeutralForeground2, minWidth: 0, overflow: 'hidden' },
});

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "Gesynchroniseerd om 14:05" / "Nog nooit gesynchroniseerd" / "Synchroniseren…" / "Niet ingesteld". */
function useStateText(status: SyncStatus, running: boolean): string {
  const { t } = useTranslation();
  if (running) return t('sync.running');
  if (!status.hasCredentials) return t('sync.notSetUp');
  if (status.lastSuccessAt === null) return t('sync.never');
  const at = new Date(status.lastSuccessAt);
  return sameDay(at, new Date()) ? t('sync.syncedAt', { time: formatTime(at) }) : t('sync.syncedOn', { date: formatDate(at), time: formatTime(at) });
}

/**
 * The sync part of the status bar: last success, changes waiting, the last error (full text on
 * hover or Enter), and "Nu synchroniseren". A desktop without a central database shows only a
 * muted "Alleen lokaal".
 */
export function SyncIndicator() {
  const { status, runningHere, outcome, clearOutcome, run } = useSyncStatus();
  const { t } = useTranslation();
  const styles = useStyles();

  useEffect(() => {
    if (outcome === null) return;
    const timer = window.setTimeout(clearOutcome, RESULT_SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [outcome, clearOutcome]);

  if (status === null) return null;
  if (!status.configured) {
    return (
      <Text size={200} wrap={false} className={styles.muted} title={t('sync.localOnlyHint')}>
        {t('sync.localOnly')}
      </Text>
    );
  }
  return <Configured status={status} running={runningHere || status.running} outcome={outcome} onRun={() => void run()} />;
}

function Configured({ status, running, outcome, onRun }: { status: SyncStatus; running: boolean; outcome: SyncOutcome | null; onRun: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const state = useStateText(status, running);
  // An error of the run just started here (also one refused before it began), else the backend's last.
  const error = outcome && !outcome.ok ? outcome.error.message : status.lastError;
  const result = outcome?.ok
    ? outcome.value.waiting > 0
      ? t('sync.resultWaiting', { pushed: outcome.value.pushed, pulled: outcome.value.pulled, waiting: outcome.value.waiting })
      : t('sync.result', { pushed: outcome.value.pushed, pulled: outcome.value.pulled })
    : '';
  const hints = [
    t('sync.interval', { count: status.intervalMinutes }),
    status.loginRole !== null ? t('sync.loggedInAs', { loginRole: status.loginRole }) : t('sync.notSetUpHint'),
    status.auditWaiting > 0 ? t('sync.auditWaiting', { count: status.auditWaiting }) : '',
  ].filter(Boolean);
  return (
    <div className={styles.area} role="group" aria-label={t('sync.label')}>
      <Text size={200} wrap={false} className={styles.state}>
        {running ? <Spinner size="extra-tiny" aria-hidden /> : null}
        <span>{state}</span>
      </Text>
      {status.waiting > 0 ? (
        <Text size={200} wrap={false} className={styles.waiting}>
          · {t('sync.waiting', { count: status.waiting })}
        </Text>
      ) : null}
      {status.refused.length > 0 ? <RefusedPopover refused={status.refused} /> : null}
      {status.withoutCentralLogin.length > 0 ? <WithoutLoginPopover names={status.withoutCentralLogin} /> : null}
      {error && !running ? <ErrorPopover message={error} nextAttemptAt={status.nextAttemptAt} /> : null}
      <Text size={200} wrap={false} truncate className={styles.result} role="status">
        {result}
      </Text>
      <Tooltip content={hints.join(' ')} relationship="description">
        <Button
          appearance="subtle"
          size="small"
          className={styles.run}
          icon={running ? <Spinner size="extra-tiny" /> : <ArrowSyncRegular />}
          disabledFocusable={running || !status.hasCredentials}
          onClick={onRun}
        >
          {t('sync.runNow')}
        </Button>
      </Tooltip>
    </div>
  );
}

/** Changes the central database refused, per case: the count in the bar, each case and why on hover or Enter. */
function RefusedPopover({ refused }: { refused: SyncStatus['refused'] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const cases = new Set(refused.map((r) => r.reference)).size;
  return (
    <Popover openOnHover withArrow positioning="above">
      <PopoverTrigger disableButtonEnhancement>
        <Button appearance="transparent" size="small" className={styles.refused} icon={<ErrorCircleRegular />}>
          {t('sync.refused', { count: cases })}
        </Button>
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-label={t('sync.refusedTitle')}>
        <h2 className={styles.surfaceTitle}>{t('sync.refusedTitle')}</h2>
        <ul className={styles.surfaceText}>
          {refused.map((r) => (
            <li key={`${r.reference} ${r.reason}`}>
              <strong>{r.reference}</strong>: {r.reason}
            </li>
          ))}
        </ul>
        <p className={styles.surfaceText}>{t('sync.refusedKept')}</p>
      </PopoverSurface>
    </Popover>
  );
}

/** Handlers and signers here without a central login: the count in the bar, their names on hover or Enter. */
export function WithoutLoginPopover({ names }: { names: readonly string[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Popover openOnHover withArrow positioning="above">
      <PopoverTrigger disableButtonEnhancement>
        <Button appearance="transparent" size="small" className={styles.refused} icon={<PersonWarningRegular />}>
          {t('sync.withoutLogin', { count: names.length })}
        </Button>
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-label={t('sync.withoutLoginTitle')}>
        <h2 className={styles.surfaceTitle}>{t('sync.withoutLoginTitle')}</h2>
        <ul className={styles.surfaceText}>
          {names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
        <p className={styles.surfaceText}>{t('sync.withoutLoginKept')}</p>
      </PopoverSurface>
    </Popover>
  );
}

/** The last error, cut short in the bar; hovering or pressing it shows all of it. */
function ErrorPopover({ message, nextAttemptAt }: { message: string; nextAttemptAt: string | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Popover openOnHover withArrow positioning="above">
      <PopoverTrigger disableButtonEnhancement>
        <Button appearance="transparent" size="small" className={styles.error} icon={<ErrorCircleRegular />} aria-label={`${t('sync.failed')}: ${message}`}>
          <span className={styles.errorText}>{message}</span>
        </Button>
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-label={t('sync.failed')}>
        <h2 className={styles.surfaceTitle}>{t('sync.failed')}</h2>
        <p className={styles.surfaceText}>{message}</p>
        <p className={styles.surfaceText}>{t('sync.kept')}</p>
        {nextAttemptAt ? <p className={styles.surfaceText}>{t('sync.nextAttempt', { time: formatTime(nextAttemptAt) })}</p> : null}
      </PopoverSurface>
    </Popover>
  );
}
