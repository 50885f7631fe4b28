import { Button, Field, Input, makeStyles, Spinner, Text, Textarea, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular, SaveRegular, SendRegular } from '@fluentui/react-icons';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTS } from '../../../shared/letters/types.js';
import { BlockView } from './LetterTextView.js';
import type { LetterBlock, LetterContent, LetterTextInput } from './letterTypes.js';
import { shortcutProps, SHORTCUTS, useShortcut } from '../ui/shortcuts.js';
import { plainList, wrappingActionRow } from '../ui/styles.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, alignItems: 'start' },
  blocks: plainList,
  block: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  blockHead: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  blockLabel: { flexGrow: 1, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  fixed: { fontSize: tokens.fontSizeBase200, maxHeight: '220px', overflow: 'auto', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  actions: wrappingActionRow,
  muted: { color: tokens.colorNeutralForeground2 },
});

type Fixed = Extract<LetterBlock, { type: 'table' | 'fields' }>;
/** A block as the editor holds it: lists as text, one item a line, so an empty new line survives typing. */
type DraftBlock = { key: number; part?: LetterBlock['part'] } & ({ type: 'paragraph' | 'heading' | 'list'; text: string } | { type: 'fixed'; block: Fixed });

let nextKey = 1;

/** Enough rows to show a block's text without scrolling, in the editor's column (about 55 characters a line), at most 12. */
function rowsFor(text: string): number {
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 55)), 0);
  return Math.min(12, Math.max(2, lines));
}

function toDraft(block: LetterBlock): DraftBlock {
  const key = nextKey++;
  const part = block.part ? { part: block.part } : {};
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return { key, ...part, type: block.type, text: block.text };
    case 'list':
      return { key, ...part, type: 'list', text: block.items.join('\n') };
    default:
      return { key, ...part, type: 'fixed', block };
  }
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** A required part keeps its mark through the edit, so the backend can tell it is still there. */
function toBlock(draft: DraftBlock): LetterBlock {
  if (draft.type === 'fixed') return draft.block;
  const part = draft.part ? { part: draft.part } : {};
  if (draft.type === 'list') return { type: 'list', items: lines(draft.text), ...part };
  return { type: draft.type, text: draft.text.trim(), ...part };
}

interface EditorState {
  subjectLine: string;
  salutation: string;
  closing: string;
  addresseeName: string;
  addresseeLines: string;
  blocks: DraftBlock[];
}

function stateOf(content: LetterContent): EditorState {
  return {
    subjectLine: content.reference.subject,
    salutation: content.salutation,
    closing: content.closing,
    addresseeName: content.addressee.name,
    addresseeLines: content.addressee.lines.join('\n'),
    blocks: content.blocks.map(toDraft),
  };
}

function textOf(state: EditorState): LetterTextInput {
  const addressLines = lines(state.addresseeLines);
  return {
    subjectLine: state.subjectLine.trim(),
    salutation: state.salutation.trim(),
    closing: state.closing.trim(),
    blocks: state.blocks.map(toBlock),
    ...(addressLines.length > 0 ? { addressee: { name: state.addresseeName.trim(), lines: addressLines } } : {}),
  };
}

interface LetterEditorProps {
  content: LetterContent;
  busy: boolean;
  /** Saves the text; true when the backend took it. */
  onSave: (text: LetterTextInput) => Promise<boolean>;
  /** Hands the (saved) letter to the signers. */
  onSubmit: () => Promise<void>;
  onDiscard: () => void;
  /** What went wrong with the last action (the backend's Dutch message), shown next to the buttons. */
  feedback?: ReactNode;
}

/**
 * The generated text of a concept, editable before it goes to a signer: subject, salutation, each
 * paragraph, heading and list, the closing and the addressee. Tables and fields filled from the
 * case (the processing activities …) stay as generated; the backend checks on submitting that
 * everything the law requires is still there.
 */
export function LetterEditor({ content, busy, onSave, onSubmit, onDiscard, feedback }: LetterEditorProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [state, setState] = useState<EditorState>(() => stateOf(content));
  const [dirty, setDirty] = useState(false);

  const change = (patch: Partial<EditorState>) => {
    setState((previous) => ({ ...previous, ...patch }));
    setDirty(true);
  };
  const setBlocks = (update: (blocks: DraftBlock[]) => DraftBlock[]) => {
    setState((previous) => ({ ...previous, blocks: update(previous.blocks) }));
    setDirty(true);
  };
  const editBlock = (key: number, text: string) => setBlocks((blocks) => blocks.map((b) => (b.key === key && b.type !== 'fixed' ? { ...b, text } : b)));
  const move = (index: number, by: -1 | 1) =>
    setBlocks((blocks) => {
      const next = [...blocks];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(index + by, 0, moved);
      return next;
    });
  const insertAfter = (index: number) =>
    setBlocks((blocks) => [...blocks.slice(0, index + 1), { key: nextKey++, type: 'paragraph', text: '' }, ...blocks.slice(index + 1)]);
  const remove = (index: number) => setBlocks((blocks) => blocks.filter((_, i) => i !== index));

  async function save(): Promise<boolean> {
    const ok = await onSave(textOf(state));
    if (ok) setDirty(false);
    return ok;
  }

  async function submit() {
    if (dirty && !(await save())) return;
    await onSubmit();
  }

  useShortcut(SHORTCUTS.save, busy || !dirty ? null : () => void save());

  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) void save();
  };

  return (
    <form className={styles.form} onSubmit={onFormSubmit} aria-label={t('letters.editor.label')} noValidate>
      <div className={styles.row}>
        <Field label={t('letters.editor.addresseeName')}>
          <Input value={state.addresseeName} onChange={(_, d) => change({ addresseeName: d.value })} />
        </Field>
        <Field label={t('letters.editor.addresseeLines')} hint={t('letters.editor.oneLinePerLine')}>
          <Textarea value={state.addresseeLines} resize="vertical" rows={3} onChange={(_, d) => change({ addresseeLines: d.value })} />
        </Field>
      </div>
      <Field label={t('letters.editor.subject')} required>
        <Input value={state.subjectLine} onChange={(_, d) => change({ subjectLine: d.value })} />
      </Field>
      <Field label={t('letters.editor.salutation')} required>
        <Input value={state.salutation} onChange={(_, d) => change({ salutation: d.value })} />
      </Field>
      <ol className={styles.blocks} aria-label={t('letters.editor.blocks')}>
        {state.blocks.map((block, index) => {
          const n = index + 1;
          const kindLabel = t(`letters.editor.blockKinds.${block.type}`, { n });
          const label = block.part ? t('letters.editor.requiredBlock', { block: kindLabel, part: PARTS[block.part] }) : kindLabel;
          return (
            <li key={block.key} className={styles.block}>
              <div className={styles.blockHead}>
                <Text className={styles.blockLabel}>{label}</Text>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<ArrowUpRegular />}
                  aria-label={t('letters.editor.moveUp', { n })}
                  disabledFocusable={index === 0}
                  onClick={() => move(index, -1)}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<ArrowDownRegular />}
                  aria-label={t('letters.editor.moveDown', { n })}
                  disabledFocusable={index === state.blocks.length - 1}
                  onClick={() => move(index, 1)}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<AddRegular />}
                  aria-label={t('letters.editor.insertAfter', { n })}
                  onClick={() => insertAfter(index)}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={block.part ? t('letters.editor.cannotRemove', { n }) : t('letters.editor.remove', { n })}
                  title={block.part ? t('letters.editor.cannotRemove', { n }) : undefined}
                  disabledFocusable={block.part !== undefined}
                  onClick={() => remove(index)}
                />
              </div>
              {block.type === 'fixed' ? (
                // Scrolls when long: focusable, so the keyboard can scroll it too.
                <div className={styles.fixed} role="region" aria-label={label} tabIndex={0}>
                  <BlockView block={block.block} />
                </div>
              ) : block.type === 'heading' ? (
                <Input aria-label={label} value={block.text} onChange={(_, d) => editBlock(block.key, d.value)} />
              ) : (
                <Textarea
                  aria-label={label}
                  value={block.text}
                  resize="vertical"
                  rows={rowsFor(block.text)}
                  onChange={(_, d) => editBlock(block.key, d.value)}
                />
              )}
            </li>
          );
        })}
      </ol>
      <Button appearance="subtle" icon={<AddRegular />} style={{ alignSelf: 'flex-start' }} onClick={() => insertAfter(state.blocks.length - 1)}>
        {t('letters.editor.addParagraph')}
      </Button>
      <Field label={t('letters.editor.closing')} required>
        <Input value={state.closing} onChange={(_, d) => change({ closing: d.value })} />
      </Field>
      {feedback}
      <div className={styles.actions}>
        <Button type="submit" icon={<SaveRegular />} disabledFocusable={busy || !dirty} {...shortcutProps(t('letters.editor.save'), SHORTCUTS.save)}>
          {t('letters.editor.save')}
        </Button>
        <Button appearance="primary" icon={<SendRegular />} disabledFocusable={busy} onClick={() => void submit()}>
          {t('letters.actions.submit')}
        </Button>
        <Button appearance="subtle" icon={<DeleteRegular />} disabledFocusable={busy} onClick={onDiscard}>
          {t('letters.actions.discard')}
        </Button>
        {busy ? <Spinner size="tiny" /> : null}
        {dirty ? <Text className={styles.muted}>{t('letters.editor.unsaved')}</Text> : null}
      </div>
    </form>
  );
}
