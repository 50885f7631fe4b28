import { Button, Field, Input, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EyeOffRegular, ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rect } from '../ui/pdf/geometry.js';
import { Fieldset, InlineError } from '../ui/Fieldset.js';
import { mutedText } from '../ui/styles.js';
import { useDragRect } from '../ui/useDragRect.js';

/** A rectangle in the image's own pixels, as identity.maskCopy takes it. */
export type Box = Rect;

/** The copy is shown at most this wide; boxes are converted back to image pixels. */
const MAX_DISPLAY_WIDTH = 640;

const useStyles = makeStyles({
  tool: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  canvas: {
    display: 'block',
    maxWidth: '100%',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    touchAction: 'none',
  },
  drawing: { cursor: 'crosshair' },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '72ch' },
  keyboard: { display: 'flex', alignItems: 'flex-end', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  number: { width: '110px' },
  boxes: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  box: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  subheading: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  muted: mutedText,
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

function displaySize(width: number, height: number) {
  const scale = Math.min(1, MAX_DISPLAY_WIDTH / width);
  return { scale, width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** Draws the image scaled to the canvas, then the boxes (image pixels) on top. */
function paint(canvas: HTMLCanvasElement, image: HTMLImageElement, width: number, height: number, boxes: readonly Box[], draft: Box | null) {
  const size = displaySize(width, height);
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(size.width * ratio)) canvas.width = Math.round(size.width * ratio);
  if (canvas.height !== Math.round(size.height * ratio)) canvas.height = Math.round(size.height * ratio);
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, size.width, size.height);
  context.drawImage(image, 0, 0, size.width, size.height);
  const s = size.scale;
  boxes.forEach((box, index) => {
    context.fillStyle = 'rgba(0, 0, 0, 0.85)';
    context.fillRect(box.x * s, box.y * s, box.width * s, box.height * s);
    context.strokeStyle = '#ffb900';
    context.lineWidth = 2;
    context.setLineDash([]);
    context.strokeRect(box.x * s, box.y * s, box.width * s, box.height * s);
    context.fillStyle = '#ffffff';
    context.font = '600 14px "Segoe UI", sans-serif';
    context.fillText(String(index + 1), box.x * s + 6, box.y * s + 18);
  });
  if (draft) {
    context.strokeStyle = '#0f6cbd';
    context.lineWidth = 2;
    context.setLineDash([6, 4]);
    context.strokeRect(draft.x * s, draft.y * s, draft.width * s, draft.height * s);
    context.setLineDash([]);
  }
}

/** The copy on a canvas, without tools (a masked copy). */
export function CopyCanvas({ image, width, height, label }: { image: HTMLImageElement; width: number; height: number; label: string }) {
  const styles = useStyles();
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = displaySize(width, height);
  useEffect(() => {
    if (canvas.current) paint(canvas.current, image, width, height, [], null);
  }, [image, width, height]);
  return <canvas ref={canvas} className={styles.canvas} style={{ width: size.width, height: size.height }} role="img" aria-label={label} />;
}

/** Whole pixels, inside the image: what is covered is never less than what was drawn. */
function toPixels(box: Box, width: number, height: number): Box {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const right = Math.min(width, Math.ceil(box.x + box.width));
  const bottom = Math.min(height, Math.ceil(box.y + box.height));
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

interface MaskingToolProps {
  image: HTMLImageElement;
  /** The image's size in pixels. */
  width: number;
  height: number;
  busy: boolean;
  onApply: (boxes: Box[]) => void;
  onConfirm: () => void;
}

/**
 * Masking an ID copy: rectangles drawn with the mouse over BSN, photo and MRZ, or entered as
 * numbers (the keyboard way), listed with a remove button each. The boxes are kept in the image's
 * pixels whatever the display scale; the backend burns them into the pixels.
 */
export function MaskingTool({ image, width, height, busy, onApply, onConfirm }: MaskingToolProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [boxes, setBoxes] = useState<Box[]>([]);
  const [entry, setEntry] = useState({ x: '', y: '', width: '', height: '' });
  const [entryError, setEntryError] = useState<string | null>(null);
  const errorId = useId();
  const size = displaySize(width, height);

  /** The pointer's position in image pixels (the canvas may be shown smaller than drawn). */
  const toImage = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x: Math.min(width, Math.max(0, ((event.clientX - rect.left) / rect.width) * width)),
      y: Math.min(height, Math.max(0, ((event.clientY - rect.top) / rect.height) * height)),
    };
  };

  const { draft, handlers } = useDragRect(toImage, (box) => setBoxes((previous) => [...previous, toPixels(box, width, height)]), size.scale);

  useEffect(() => {
    if (canvas.current) paint(canvas.current, image, width, height, boxes, draft);
  }, [image, width, height, boxes, draft]);

  const addEntered = () => {
    const parse = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
    const box = { x: parse(entry.x), y: parse(entry.y), width: parse(entry.width), height: parse(entry.height) };
    const finite = Object.values(box).every((v) => Number.isFinite(v));
    if (!finite || box.x < 0 || box.y < 0 || box.width <= 0 || box.height <= 0 || box.x + box.width > width || box.y + box.height > height) {
      setEntryError(t('identity.mask.invalid'));
      return;
    }
    setEntryError(null);
    setBoxes((previous) => [...previous, toPixels(box, width, height)]);
    setEntry({ x: '', y: '', width: '', height: '' });
  };
  // The keyboard form sits inside the identity form: Enter adds the box instead of submitting that.
  const onEntryKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      addEntered();
    }
  };
  const numberField = (key: keyof typeof entry, label: string) => (
    <Field label={label}>
      <Input
        className={styles.number}
        type="number"
        inputMode="numeric"
        min={0}
        value={entry[key]}
        aria-describedby={entryError ? errorId : undefined}
        onChange={(_, d) => setEntry((previous) => ({ ...previous, [key]: d.value }))}
        onKeyDown={onEntryKey}
      />
    </Field>
  );

  return (
    <div className={styles.tool}>
      <Text as="p" block className={styles.intro}>
        {t('identity.mask.intro', { width, height })}
      </Text>
      <canvas
        ref={canvas}
        className={mergeClasses(styles.canvas, styles.drawing)}
        style={{ width: size.width, height: size.height }}
        role="img"
        aria-label={t('identity.copy.image')}
        {...handlers}
      />
      <Fieldset legend={t('identity.mask.keyboardTitle')} bordered className={styles.keyboard}>
        {numberField('x', t('identity.mask.x'))}
        {numberField('y', t('identity.mask.y'))}
        {numberField('width', t('identity.mask.width'))}
        {numberField('height', t('identity.mask.height'))}
        <Button icon={<AddRegular />} onClick={addEntered}>
          {t('identity.mask.add')}
        </Button>
        <InlineError id={errorId} text={entryError} />
      </Fieldset>
      <div>
        <p className={styles.subheading}>{t('identity.mask.boxes')}</p>
        {boxes.length === 0 ? (
          <p className={styles.muted}>{t('identity.mask.noBoxes')}</p>
        ) : (
          <ul className={styles.boxes} aria-label={t('identity.mask.boxes')}>
            {boxes.map((box, index) => (
              <li key={`${index}-${box.x}-${box.y}-${box.width}-${box.height}`} className={styles.box}>
                <Text>{t('identity.mask.box', { n: index + 1, ...box })}</Text>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={t('identity.mask.removeBox', { n: index + 1 })}
                  onClick={() => setBoxes((previous) => previous.filter((_, i) => i !== index))}
                >
                  {t('identity.mask.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<EyeOffRegular />} disabledFocusable={busy || boxes.length === 0} onClick={() => onApply(boxes)}>
          {t('identity.mask.apply')}
        </Button>
        <Button icon={<ShieldCheckmarkRegular />} disabledFocusable={busy} onClick={onConfirm}>
          {t('identity.mask.confirm')}
        </Button>
      </div>
    </div>
  );
}
