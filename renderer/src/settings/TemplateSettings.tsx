import { Badge, Button, Dropdown, Field, Input, makeStyles, Option, Select, Spinner, Text, Textarea, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowDownRegular, ArrowResetRegular, ArrowUpRegular, DeleteRegular, SaveRegular } from '@fluentui/react-icons';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import { checkTemplateText, FIELDS } from '../../../shared/letters/fields.js';
import { REQUIRED_SLOTS, SLOTS, VARIANTS, type SlotName, type TemplateBlock, type Variant } from '../../../shared/letters/template-types.js';
import { LETTER_KIND_LABELS, type LetterKind } from '../../../shared/letters/types.js';
import { useApi } from '../api/context.js';
import { Card } from '../ui/Card.js';
import { useFormLoad } from '../ui/useSaving.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { useSubmission } from '../ui/useSubmission.js';
import { formatDateTime } from '../ui/format.js';
import { useSettingsStyles } from './settingsStyles.js';
import { plainList } from '../ui/styles.js';

type TemplateView = ProcedureOutput<'letter.templates'>[number];

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 300px', columnGap: tokens.spacingHorizontalL, alignItems: 'start' },
  blocks: plainList,
  block: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  blockHead: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  blockLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  blockTools: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS },
  when: { minWidth: '260px' },
  side: {
    position: 'sticky',
    top: 0,
    maxHeight: '80vh',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  sideHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  fieldList: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    '& dd': { margin: `0 0 ${tokens.spacingVerticalXS}`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
    '& dt': { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  },
  top: { display: 'flex', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  add: { display: 'flex', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalS, maxWidth: '100%' },
  addChoice: { width: '420px', maxWidth: '100%', minWidth: 0 },
});

/** A block as the editor holds it: a list as text, one item a line. */
type Draft = { key: number; when: Variant[] } & ({ type: 'paragraph' | 'heading' | 'list'; text: string } | { type: 'slot'; slot: SlotName });

let nextKey = 1;

/** Rows enough for a block's text in the editor's column (about 80 characters a line), at most 10. */
function rowsFor(text: string): number {
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 80)), 0);
  return Math.min(10, Math.max(2, lines));
}

function toDraft(block: TemplateBlock): Draft {
  const base = { key: nextKey++, when: block.when ?? [] };
  if (block.type === 'slot') return { ...base, type: 'slot', slot: block.slot };
  if (block.type === 'list') return { ...base, type: 'list', text: block.items.join('\n') };
  return { ...base, type: block.type, text: block.text };
}

function toBlock(draft: Draft): TemplateBlock {
  const when = draft.when.length > 0 ? { when: draft.when } : {};
  if (draft.type === 'slot') return { type: 'slot', slot: draft.slot, ...when };
  if (draft.type === 'list') {
    const items = draft.text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    return { type: 'list', items, ...when };
  }
  return { type: draft.type, text: draft.text.trim(), ...when };
}

interface EditorState {
  subject: string;
  salutation: string;
  closing: string;
  blocks: Draft[];
}

const stateOf = (view: TemplateView): EditorState => ({
  subject: view.template.subject,
  salutation: view.template.salutation,
  closing: view.template.closing,
  blocks: view.template.blocks.map(toDraft),
});

/**
 * Beheer → Sjablonen: the text of each letter kind with named fields ({kenmerk}, {verzoeker.naam}
 * …), which the backend fills from the case. The statements the law requires are fixed parts
 * (slots) that cannot be removed; conditions choose a block per request type or outcome.
 */
export function TemplateSettings() {
  const api = useApi();
  const { t } = useTranslation();
  const own = useStyles();
  const [views, setViews] = useState<TemplateView[] | null>(null);
  const loadError = useFormLoad(
    useCallback(() => api.call('letter.templates', {}), [api]),
    setViews,
  );
  const [kind, setKind] = useState<LetterKind>('ontvangstbevestiging');
  const [notice, setNotice] = useState<Notice | null>(null);

  const view = views?.find((v) => v.kind === kind) ?? null;
  const replace = (updated: TemplateView, message: string) => {
    setViews((previous) => previous?.map((v) => (v.kind === updated.kind ? updated : v)) ?? null);
    setNotice({ intent: 'success', text: message });
  };

  return (
    <Card headingId="templates-heading" title={t('settings.templates.title')} intro={t('settings.templates.intro')}>
      {loadError ? <ErrorBar error={loadError} /> : null}
      {!views && !loadError ? <Spinner size="tiny" /> : null}
      {views ? (
        <div className={own.top}>
          <Field label={t('settings.templates.kind')}>
            <Select
              value={kind}
              onChange={(_, d) => {
                setKind(d.value as LetterKind);
                setNotice(null);
              }}
            >
              {views.map((v) => (
                <option key={v.kind} value={v.kind}>
                  {LETTER_KIND_LABELS[v.kind]}
                  {v.customised ? ` ${t('settings.templates.customisedMark')}` : ''}
                </option>
              ))}
            </Select>
          </Field>
          {view?.customised ? (
            <Badge appearance="tint" color="brand">
              {t('settings.templates.customised', { date: view.updatedAt ? formatDateTime(view.updatedAt) : '' })}
            </Badge>
          ) : (
            <Badge appearance="tint" color="subtle">
              {t('settings.templates.standard')}
            </Badge>
          )}
        </div>
      ) : null}
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {view ? <TemplateEditor key={`${view.kind}-${view.updatedAt ?? 'standaard'}`} view={view} onSaved={replace} /> : null}
    </Card>
  );
}

function TemplateEditor({ view, onSaved }: { view: TemplateView; onSaved: (view: TemplateView, message: string) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useSettingsStyles();
  const own = useStyles();
  const [state, setState] = useState<EditorState>(() => stateOf(view));
  const [dirty, setDirty] = useState(false);
  const [adding, setAdding] = useState('paragraph');
  const { busy, error, setError, submit } = useSubmission();
  const required = REQUIRED_SLOTS[view.kind];

  const change = (patch: Partial<EditorState>) => {
    setState((previous) => ({ ...previous, ...patch }));
    setDirty(true);
  };
  const setBlocks = (update: (blocks: Draft[]) => Draft[]) => {
    setState((previous) => ({ ...previous, blocks: update(previous.blocks) }));
    setDirty(true);
  };
  const editBlock = (key: number, patch: { text?: string; when?: Variant[] }) =>
    setBlocks((blocks) =>
      blocks.map((b) =>
        b.key !== key ? b : b.type === 'slot' ? { ...b, when: patch.when ?? b.when } : { ...b, text: patch.text ?? b.text, when: patch.when ?? b.when },
      ),
    );
  const move = (index: number, by: -1 | 1) =>
    setBlocks((blocks) => {
      const next = [...blocks];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(index + by, 0, moved);
      return next;
    });
  const add = () =>
    setBlocks((blocks) => [
      ...blocks,
      adding === 'paragraph' || adding === 'heading' || adding === 'list'
        ? { key: nextKey++, when: [], type: adding, text: '' }
        : { key: nextKey++, when: [], type: 'slot', slot: adding as SlotName },
    ]);

  const problems = (text: string) => checkTemplateText(text);
  const textProblems = [state.subject, state.salutation, state.closing, ...state.blocks.map((b) => (b.type === 'slot' ? '' : b.text))].flatMap(problems);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const template = {
      kind: view.kind,
      subject: state.subject.trim(),
      salutation: state.salutation.trim(),
      closing: state.closing.trim(),
      blocks: state.blocks.map(toBlock),
    };
    const result = await submit(() => api.call('letter.setTemplate', { template }));
    if (result.ok) {
      setDirty(false);
      onSaved(result.value, t('settings.templates.saved'));
    }
  }

  async function reset() {
    const result = await submit(() => api.call('letter.resetTemplate', { kind: view.kind }));
    if (result.ok) onSaved(result.value, t('settings.templates.resetDone'));
  }

  const fieldHint = (text: string) => {
    const found = problems(text);
    return found.length > 0 ? { validationState: 'error' as const, validationMessage: found.join(' ') } : {};
  };
  const usedSlots = new Set(state.blocks.flatMap((b) => (b.type === 'slot' ? [b.slot] : [])));

  return (
    <div className={own.layout}>
      <form
        className={styles.form}
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        aria-label={t('settings.templates.editorLabel', { kind: LETTER_KIND_LABELS[view.kind] })}
      >
        <Field label={t('settings.templates.subject')} required {...fieldHint(state.subject)}>
          <Input value={state.subject} onChange={(_, d) => change({ subject: d.value })} />
        </Field>
        <Field label={t('settings.templates.salutation')} required {...fieldHint(state.salutation)}>
          <Input value={state.salutation} onChange={(_, d) => change({ salutation: d.value })} />
        </Field>
        <ol className={own.blocks} aria-label={t('settings.templates.blocks')}>
          {state.blocks.map((block, index) => {
            const n = index + 1;
            const label =
              block.type === 'slot'
                ? t('settings.templates.blockKinds.slot', { n, slot: SLOTS[block.slot] })
                : t(`settings.templates.blockKinds.${block.type}`, { n });
            const mandatory = block.type === 'slot' && required.includes(block.slot);
            return (
              <li key={block.key} className={own.block}>
                <div className={own.blockHead}>
                  <Text className={own.blockLabel}>{label}</Text>
                  <div className={own.blockTools}>
                    {mandatory ? (
                      <Badge appearance="outline" color="important" size="small">
                        {t('settings.templates.required')}
                      </Badge>
                    ) : null}
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<ArrowUpRegular />}
                      aria-label={t('settings.templates.moveUp', { n })}
                      disabledFocusable={index === 0}
                      onClick={() => move(index, -1)}
                    />
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<ArrowDownRegular />}
                      aria-label={t('settings.templates.moveDown', { n })}
                      disabledFocusable={index === state.blocks.length - 1}
                      onClick={() => move(index, 1)}
                    />
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<DeleteRegular />}
                      aria-label={t('settings.templates.remove', { n })}
                      disabledFocusable={mandatory}
                      onClick={() => setBlocks((blocks) => blocks.filter((b) => b.key !== block.key))}
                    />
                  </div>
                </div>
                {block.type === 'heading' ? (
                  <Field {...fieldHint(block.text)}>
                    <Input aria-label={label} value={block.text} onChange={(_, d) => editBlock(block.key, { text: d.value })} />
                  </Field>
                ) : block.type === 'paragraph' || block.type === 'list' ? (
                  <Field {...fieldHint(block.text)}>
                    <Textarea
                      aria-label={label}
                      value={block.text}
                      resize="vertical"
                      rows={rowsFor(block.text)}
                      onChange={(_, d) => editBlock(block.key, { text: d.value })}
                    />
                  </Field>
                ) : null}
                <Dropdown
                  className={own.when}
                  multiselect
                  size="small"
                  aria-label={t('settings.templates.when', { n })}
                  placeholder={t('settings.templates.always')}
                  value={block.when.map((w) => VARIANTS[w]).join('; ')}
                  selectedOptions={block.when}
                  onOptionSelect={(_, d) => editBlock(block.key, { when: d.selectedOptions as Variant[] })}
                >
                  {(Object.keys(VARIANTS) as Variant[]).map((variant) => (
                    <Option key={variant} value={variant}>
                      {VARIANTS[variant]}
                    </Option>
                  ))}
                </Dropdown>
              </li>
            );
          })}
        </ol>
        <div className={own.add}>
          <Field className={own.addChoice} label={t('settings.templates.addKind')}>
            <Select value={adding} onChange={(_, d) => setAdding(d.value)}>
              <option value="paragraph">{t('settings.templates.add.paragraph')}</option>
              <option value="heading">{t('settings.templates.add.heading')}</option>
              <option value="list">{t('settings.templates.add.list')}</option>
              {(Object.keys(SLOTS) as SlotName[])
                .filter((slot) => !usedSlots.has(slot))
                .map((slot) => (
                  <option key={slot} value={slot}>
                    {t('settings.templates.add.slot', { slot: slot.replace('_', ' ') })}
                  </option>
                ))}
            </Select>
          </Field>
          <Button icon={<AddRegular />} onClick={add}>
            {t('settings.templates.addBlock')}
          </Button>
        </div>
        <Field label={t('settings.templates.closing')} required {...fieldHint(state.closing)}>
          <Input value={state.closing} onChange={(_, d) => change({ closing: d.value })} />
        </Field>
        {error ? <ErrorBar error={error} onDismiss={() => setError(null)} /> : null}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" icon={<SaveRegular />} disabledFocusable={busy || !dirty || textProblems.length > 0}>
            {t('common.save')}
          </Button>
          <Button icon={<ArrowResetRegular />} disabledFocusable={busy || !view.customised} onClick={() => void reset()}>
            {t('settings.templates.reset')}
          </Button>
          {busy ? <Spinner size="tiny" /> : null}
          {dirty ? <Text className={styles.muted}>{t('letters.editor.unsaved')}</Text> : null}
        </div>
      </form>
      {/* Scrolls on its own next to a long template: focusable, so the keyboard can scroll it. */}
      <section className={own.side} aria-labelledby="template-fields-heading" tabIndex={0}>
        <h3 id="template-fields-heading" className={own.sideHeading}>
          {t('settings.templates.fields')}
        </h3>
        <Text size={200} className={styles.muted}>
          {t('settings.templates.fieldsIntro')}
        </Text>
        <dl className={own.fieldList}>
          {Object.entries(FIELDS).map(([name, description]) => (
            <div key={name}>
              <dt>{`{${name}}`}</dt>
              <dd>{description}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
