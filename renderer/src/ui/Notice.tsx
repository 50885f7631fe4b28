import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/result.js';

/** What a screen tells the user after an action: a success or warning line, or a backend error. */
export type Notice = { intent: 'success' | 'info' | 'warning'; text: string } | { intent: 'error'; error: ApiError; title?: string };

const useStyles = makeStyles({
  details: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  correlation: { marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3 },
});

/** A backend error as the user should see it: the Dutch message, each detail, and the error number for IT. */
export function ErrorBar({ error, title, onDismiss }: { error: ApiError; title?: string | undefined; onDismiss?: (() => void) | undefined }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {error.message}
        {error.details && error.details.length > 0 ? (
          <ul className={styles.details}>
            {error.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        ) : null}
        {error.correlationId ? <div className={styles.correlation}>{t('common.errorNumber', { id: error.correlationId })}</div> : null}
      </MessageBarBody>
      {onDismiss ? <DismissAction onDismiss={onDismiss} /> : null}
    </MessageBar>
  );
}

function DismissAction({ onDismiss }: { onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <MessageBarActions
      containerAction={<Button appearance="transparent" size="small" aria-label={t('common.dismiss')} icon={<DismissRegular />} onClick={onDismiss} />}
    />
  );
}

export function NoticeBar({ notice, onDismiss }: { notice: Notice | null; onDismiss?: () => void }) {
  if (notice === null) return null;
  if (notice.intent === 'error') return <ErrorBar error={notice.error} title={notice.title} onDismiss={onDismiss} />;
  return (
    <MessageBar intent={notice.intent}>
      <MessageBarBody>{notice.text}</MessageBarBody>
      {onDismiss ? <DismissAction onDismiss={onDismiss} /> : null}
    </MessageBar>
  );
}
