import { Button, Checkbox, Field, Input, makeStyles, mergeClasses, Select, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, LocationRegular } from '@fluentui/react-icons';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { viewToUser, type Rect } from '../ui/pdf/geometry.js';
import { REASONS, type PageGeometry, type Review, type ReviewBox } from './model.js';
import { Fieldset, InlineError } from '../ui/Fieldset.js';
import { mutedText } from '../ui/styles.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  bulk: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  bulkButtons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  fill: { width: '100%', minWidth: 0 },
  scroll: {
    maxHeight: '52vh',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  pageHeading: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
    position: 'sticky',
    top: 0,
    zIndex: 1,
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  focused: { backgroundColor: tokens.colorBrandBackground2 },
  rejected: { color: tokens.colorNeutralForeground3 },
  itemTools: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS },
  reason: { gridColumn: '1 / -1', paddingLeft: '32px' },
  label: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  muted: mutedText,
  keyboard: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(80px, 1fr))',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'end',
  },
  wide: { gridColumn: '1 / -1' },
});

interface ReviewListProps {
  /** Its page is the one shown beside the list: new boxes typed in default to it. */
  review: Review;
  onChange: (boxes: ReviewBox[]) => void;
  onFocus: (box: ReviewBox) => void;
  onAdd: (pageIndex: number, box: Rect, reason: string) => void;
}

/**
 * The boxes as a list, grouped by page: a checkbox each to accept or reject it, its reason, a
 * button to show it on the page, and a form to add a box without a mouse.
 */
export function ReviewList({ review, onChange, onFocus, onAdd }: ReviewListProps) {
  const { boxes, geometry, focusedId, pageIndex } = review;
  const styles = useStyles();
  const { t } = useTranslation();
  const pages = [...new Set(boxes.map((b) => b.page))].sort((a, b) => a - b);
  const accepted = boxes.filter((b) => b.accepted && !b.undecided).length;
  const undecided = boxes.filter((b) => b.undecided).length;
  const set = (id: string, change: Partial<ReviewBox>) => onChange(boxes.map((b) => (b.id === id ? { ...b, ...change } : b)));
  // The requester's own data is never swept up by a bulk action: it is theirs to receive.
  const own = (b: ReviewBox) => b.whose === 'requester';

  const describe = (box: ReviewBox) => {
    if (box.source === 'manual') return t('redaction.sources.manual');
    const what = box.kind ? t(`redaction.kinds.${box.kind}`) : null;
    if (box.whose === 'third_party' && box.whoseLabel) return [t('redaction.whose.thirdParty', { name: box.whoseLabel }), what].filter(Boolean).join(', ');
    if (box.whose === 'requester') return [t('redaction.whose.requester'), what].filter(Boolean).join(', ');
    return what ?? t('redaction.sources.term');
  };
  const state = (box: ReviewBox) =>
    box.undecided ? t('redaction.review.undecided') : box.accepted ? t('redaction.review.accepted') : t('redaction.review.rejected');

  return (
    <div className={styles.root}>
      {boxes.length === 0 ? (
        <p className={styles.muted}>{t('redaction.review.empty')}</p>
      ) : (
        <>
          <div className={styles.bulk}>
            <Text aria-live="polite">{t('redaction.review.count', { accepted, count: boxes.length })}</Text>
            <span className={styles.bulkButtons}>
              <Button size="small" onClick={() => onChange(boxes.map((b) => (own(b) ? b : { ...b, accepted: true })))}>
                {t('redaction.review.acceptAll')}
              </Button>
              <Button size="small" onClick={() => onChange(boxes.map((b) => (b.undecided ? b : { ...b, accepted: false })))}>
                {t('redaction.review.rejectAll')}
              </Button>
              {undecided > 0 ? (
                <Button size="small" onClick={() => onChange(boxes.map((b) => (b.undecided ? { ...b, accepted: false, undecided: false } : b)))}>
                  {t('redaction.review.keepOwn')}
                </Button>
              ) : null}
            </span>
            {undecided > 0 ? (
              <Text size={200} className={styles.meta}>
                {t('redaction.review.undecidedCount', { count: undecided })}
              </Text>
            ) : null}
          </div>
          <div className={styles.scroll} role="region" aria-label={t('redaction.review.title')} tabIndex={0}>
            {pages.map((page) => (
              <section key={page} aria-label={t('redaction.review.page', { n: page + 1 })}>
                <h4 className={styles.pageHeading}>{t('redaction.review.page', { n: page + 1 })}</h4>
                <ul className={styles.list}>
                  {boxes
                    .filter((b) => b.page === page)
                    .map((box) => (
                      <li key={box.id} className={mergeClasses(styles.item, box.id === focusedId && styles.focused, !box.accepted && styles.rejected)}>
                        <Checkbox
                          checked={box.undecided ? 'mixed' : box.accepted}
                          onChange={(_, d) => set(box.id, { accepted: d.checked === true, undecided: false })}
                          onFocus={() => onFocus(box)}
                          label={
                            <span className={styles.label}>
                              <span>{box.text ? `“${box.text}”` : t('redaction.manualBox')}</span>
                              <span className={styles.meta}>
                                {describe(box)} · {state(box)}
                              </span>
                            </span>
                          }
                        />
                        <span className={styles.itemTools}>
                          <Button
                            size="small"
                            appearance="subtle"
                            icon={<LocationRegular />}
                            aria-label={t('redaction.review.show', { text: box.text || t('redaction.manualBox'), n: page + 1 })}
                            onClick={() => onFocus(box)}
                          />
                          {box.source === 'manual' ? (
                            <Button
                              size="small"
                              appearance="subtle"
                              icon={<DeleteRegular />}
                              aria-label={t('redaction.review.remove')}
                              onClick={() => onChange(boxes.filter((b) => b.id !== box.id))}
                            />
                          ) : null}
                        </span>
                        <div className={styles.reason}>
                          <Select
                            size="small"
                            className={styles.fill}
                            value={box.reason}
                            aria-label={t('redaction.review.reasonFor', { text: box.text || t('redaction.manualBox') })}
                            onChange={(_, d) => set(box.id, { reason: d.value })}
                          >
                            {REASONS.map((r) => (
                              <option key={r.code} value={r.code} title={r.description}>
                                {r.code}
                              </option>
                            ))}
                            {REASONS.some((r) => r.code === box.reason) ? null : <option value={box.reason}>{box.reason}</option>}
                          </Select>
                        </div>
                      </li>
                    ))}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
      <BoxForm geometry={geometry} pageIndex={pageIndex} onAdd={onAdd} />
    </div>
  );
}

/** The keyboard way to add a box: page, position and size in points from the page's top-left. */
function BoxForm({
  geometry,
  pageIndex,
  onAdd,
}: {
  geometry: readonly PageGeometry[];
  pageIndex: number;
  onAdd: (pageIndex: number, box: Rect, reason: string) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const errorId = useId();
  const [entry, setEntry] = useState({ page: '', x: '', y: '', width: '', height: '' });
  const [reason, setReason] = useState<string>(REASONS[0]?.code ?? '');
  const [error, setError] = useState<string | null>(null);
  const shownPage = entry.page === '' ? pageIndex + 1 : Number(entry.page);
  const shape = geometry[shownPage - 1];

  const add = () => {
    const parse = (value: string) => (value.trim() === '' ? Number.NaN : Number(value.replace(',', '.')));
    const box = { x: parse(entry.x), y: parse(entry.y), width: parse(entry.width), height: parse(entry.height) };
    const valid =
      shape !== undefined &&
      Object.values(box).every((v) => Number.isFinite(v)) &&
      box.x >= 0 &&
      box.y >= 0 &&
      box.width > 0 &&
      box.height > 0 &&
      box.x + box.width <= shape.width + 0.5 &&
      box.y + box.height <= shape.height + 0.5;
    if (!valid || !shape) {
      setError(t('redaction.form.invalid'));
      return;
    }
    setError(null);
    onAdd(shownPage - 1, viewToUser(shape.toView, box), reason);
    setEntry({ page: entry.page, x: '', y: '', width: '', height: '' });
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };
  const field = (key: keyof typeof entry, label: string, placeholder?: string) => (
    <Field label={label}>
      <Input
        className={styles.fill}
        type="number"
        inputMode="decimal"
        min={key === 'page' ? 1 : 0}
        value={entry[key]}
        placeholder={placeholder}
        aria-describedby={error ? errorId : undefined}
        onChange={(_, d) => setEntry((previous) => ({ ...previous, [key]: d.value }))}
        onKeyDown={onKey}
      />
    </Field>
  );

  return (
    <Fieldset legend={t('redaction.form.title')} bordered className={styles.keyboard}>
      <Text size={200} className={mergeClasses(styles.muted, styles.wide)}>
        {shape ? t('redaction.form.hint', { width: Math.round(shape.width), height: Math.round(shape.height) }) : t('redaction.form.noPage')}
      </Text>
      {field('page', t('redaction.form.page'), String(pageIndex + 1))}
      {field('x', t('redaction.form.x'))}
      {field('y', t('redaction.form.y'))}
      {field('width', t('redaction.form.width'))}
      {field('height', t('redaction.form.height'))}
      {/* The article in the list, what it protects under it: the whole text does not fit beside the page. */}
      <Field label={t('redaction.form.reason')} className={styles.wide} hint={REASONS.find((r) => r.code === reason)?.description ?? null}>
        <Select className={styles.fill} value={reason} onChange={(_, d) => setReason(d.value)}>
          {REASONS.map((r) => (
            <option key={r.code} value={r.code} title={r.description}>
              {r.code}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.wide}>
        <Button icon={<AddRegular />} onClick={add}>
          {t('redaction.form.add')}
        </Button>
      </div>
      <InlineError id={errorId} text={error} className={styles.wide} />
    </Fieldset>
  );
}
