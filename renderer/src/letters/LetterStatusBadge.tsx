import { Badge, type BadgeProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { stateOf, type LetterState, type LetterSummary } from './letterTypes.js';

const COLORS: Readonly<Record<LetterState, NonNullable<BadgeProps['color']>>> = {
  concept: 'subtle',
  teruggestuurd: 'warning',
  ter_ondertekening: 'brand',
  ondertekend: 'success',
  verzonden: 'informative',
};

/** A letter's state in words: concept, ter ondertekening, teruggestuurd, ondertekend, verzonden. */
export function LetterStatusBadge({ letter }: { letter: Pick<LetterSummary, 'status' | 'returnComment'> }) {
  const { t } = useTranslation();
  const state = stateOf(letter);
  return (
    <Badge appearance="tint" shape="rounded" color={COLORS[state]}>
      {t(`letters.status.${state}`)}
    </Badge>
  );
}
