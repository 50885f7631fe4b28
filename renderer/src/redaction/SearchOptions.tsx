import { Button, Checkbox, Field, Input, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DismissRegular, DocumentSearchRegular, SearchRegular } from '@fluentui/react-icons';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DETECTOR_KINDS, type DetectorKind } from '../../../shared/redaction/detectors.js';
import { HEARING_LABELS } from '../../../shared/dossier/dossier.js';
import type { ThirdPartyView } from '../dossier/useDossier.js';
import { Fieldset, InlineError } from '../ui/Fieldset.js';
import { mutedText, wrappingActionRow } from '../ui/styles.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
  },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  groupLabel: { marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  checks: { display: 'flex', flexDirection: 'column', marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  patterns: {
    display: 'grid',
    // Two columns only where "Telefoonnummer" fits beside its neighbour.
    gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))',
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
  },
  termRow: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  termInput: { flexGrow: 1, minWidth: 0 },
  button: { flexShrink: 0 },
  terms: { listStyle: 'none', margin: `${tokens.spacingVerticalXS} 0 0`, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  term: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXXS,
    padding: `0 0 0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  muted: mutedText,
  actions: wrappingActionRow,
});

export interface SearchChoice {
  partyIds: string[];
  terms: string[];
  patterns: DetectorKind[];
  /** The requester's IBAN and BSN, for this search only (the case does not keep them). */
  requesterIban: string;
  requesterBsn: string;
}

interface SearchOptionsProps {
  parties: readonly ThirdPartyView[];
  /** The document being redacted, to mark the third parties who occur in it. */
  documentId: string | null;
  value: SearchChoice;
  onChange: (value: SearchChoice) => void;
  busy: 'suggest' | 'searchAll' | null;
  onSuggest: (() => void) | null;
  onSearchAll: () => void;
}

/** What to look for: third parties' names (those who did not consent ticked), free terms, and kinds of personal data. */
export function SearchOptions({ parties, documentId, value, onChange, busy, onSuggest, onSearchAll }: SearchOptionsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const termsId = useId();
  const termErrorId = useId();
  const [draft, setDraft] = useState('');
  const [termError, setTermError] = useState<string | null>(null);

  const addTerm = () => {
    const term = draft.trim();
    if (term.length < 2) {
      setTermError(t('redaction.options.termTooShort'));
      return;
    }
    setTermError(null);
    if (!value.terms.includes(term)) onChange({ ...value, terms: [...value.terms, term] });
    setDraft('');
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      addTerm();
    }
  };
  const toggle = <T extends string>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] =>
    order.filter((x) => (x === item ? on : list.includes(x)));

  return (
    <>
      <div className={styles.grid}>
        <Fieldset legend={t('redaction.options.parties')} className={styles.group}>
          {parties.length === 0 ? (
            <p className={styles.muted}>{t('redaction.options.noParties')}</p>
          ) : (
            <div className={styles.checks}>
              {parties.map((party) => (
                <Checkbox
                  key={party.id}
                  checked={value.partyIds.includes(party.id)}
                  label={`${party.name} (${party.role}) · ${HEARING_LABELS[party.hearingStatus]}${documentId !== null && party.documentIds.includes(documentId) ? ` · ${t('redaction.options.inDocument')}` : ''}`}
                  onChange={(_, d) =>
                    onChange({
                      ...value,
                      partyIds: toggle(
                        value.partyIds,
                        party.id,
                        d.checked === true,
                        parties.map((p) => p.id),
                      ),
                    })
                  }
                />
              ))}
            </div>
          )}
        </Fieldset>
        <div className={styles.group} role="group" aria-labelledby={termsId}>
          <Text id={termsId} className={styles.groupLabel}>
            {t('redaction.options.terms')}
          </Text>
          <div className={styles.termRow}>
            <Input
              className={styles.termInput}
              value={draft}
              aria-labelledby={termsId}
              aria-describedby={termError ? termErrorId : undefined}
              placeholder={t('redaction.options.termPlaceholder')}
              onChange={(_, d) => setDraft(d.value)}
              onKeyDown={onKey}
            />
            <Button className={styles.button} icon={<AddRegular />} onClick={addTerm}>
              {t('redaction.options.addTerm')}
            </Button>
          </div>
          <InlineError id={termErrorId} text={termError} />
          {value.terms.length > 0 ? (
            <ul className={styles.terms} aria-label={t('redaction.options.termList')}>
              {value.terms.map((term) => (
                <li key={term} className={styles.term}>
                  <Text>{term}</Text>
                  <Button
                    size="small"
                    appearance="transparent"
                    icon={<DismissRegular />}
                    aria-label={t('redaction.options.removeTerm', { term })}
                    onClick={() => onChange({ ...value, terms: value.terms.filter((x) => x !== term) })}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <Text size={200} className={styles.muted}>
              {t('redaction.options.termHint')}
            </Text>
          )}
        </div>
        <Fieldset legend={t('redaction.options.patterns')} className={styles.group}>
          <div className={styles.patterns}>
            {DETECTOR_KINDS.map((kind) => (
              <Checkbox
                key={kind}
                checked={value.patterns.includes(kind)}
                label={t(`redaction.kinds.${kind}`)}
                onChange={(_, d) => onChange({ ...value, patterns: toggle(value.patterns, kind, d.checked === true, DETECTOR_KINDS) })}
              />
            ))}
          </div>
        </Fieldset>
        <Fieldset legend={t('redaction.options.own')} className={styles.group}>
          <Text size={200} className={styles.muted}>
            {t('redaction.options.ownHint')}
          </Text>
          <Field label={t('redaction.options.ownIban')}>
            <Input value={value.requesterIban} maxLength={40} autoComplete="off" onChange={(_, d) => onChange({ ...value, requesterIban: d.value })} />
          </Field>
          <Field label={t('redaction.options.ownBsn')}>
            <Input value={value.requesterBsn} maxLength={20} autoComplete="off" onChange={(_, d) => onChange({ ...value, requesterBsn: d.value })} />
          </Field>
        </Fieldset>
      </div>
      <div className={styles.actions}>
        {onSuggest ? (
          <Button appearance="primary" icon={<SearchRegular />} disabledFocusable={busy !== null} onClick={onSuggest}>
            {t('redaction.options.suggest')}
          </Button>
        ) : null}
        <Button icon={<DocumentSearchRegular />} disabledFocusable={busy !== null} onClick={onSearchAll}>
          {t('redaction.options.searchAll')}
        </Button>
        {busy ? <Spinner size="tiny" label={busy === 'suggest' ? t('redaction.options.suggesting') : t('redaction.options.searchingAll')} /> : null}
        {!onSuggest && documentId === null ? (
          <Text size={200} className={styles.muted}>
            {t('redaction.options.chooseFirst')}
          </Text>
        ) : null}
      </div>
    </>
  );
}
