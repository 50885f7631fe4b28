import { Badge, type BadgeProps } from '@fluentui/react-components';
import { isAwaitingDecision, isClosed, STATUS_LABELS, type CaseStatus } from '../../../shared/cases/cases.js';

function colorOf(status: CaseStatus): NonNullable<BadgeProps['color']> {
  if (isAwaitingDecision(status)) return 'brand';
  if (status === 'verzonden' || status === 'afgesloten') return 'success';
  return isClosed(status) ? 'informative' : 'subtle';
}

/** A case's status in words, tinted by phase: open, decided, or ended without a decision. `title` for where it may be cut off. */
export function StatusBadge({ status, className, title = false }: { status: CaseStatus; className?: string; title?: boolean }) {
  return (
    <Badge appearance="tint" shape="rounded" color={colorOf(status)} className={className ?? ''} {...(title ? { title: STATUS_LABELS[status] } : {})}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
