import { Button, Field, Input, makeStyles, mergeClasses, ProgressBar, Spinner, Text, Textarea, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, Circle16Regular, DismissCircleFilled, DocumentArrowUpRegular, FolderOpenRegular, StopRegular } from '@fluentui/react-icons';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/result.js';
import { DOCUMENT_SOURCE_LABELS, DOCUMENT_SOURCES, MAX_DOCUMENT_BYTES, type DocumentSource } from '../../../shared/dossier/dossier.js';
import { useApi } from '../api/context.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { readAsBase64 } from '../ui/files.js';
import { actionRow, mutedText, plainList, sectionHeading } from '../ui/styles.js';
import { ChoiceSelect } from '../ui/ChoiceSelect.js';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.eml,.msg,.txt,application/pdf,image/jpeg,image/png,message/rfc822,application/vnd.ms-outlook,text/plain';

type FileState =
  { state: 'waiting' | 'reading' | 'sending' | 'stopped' } | { state: 'done'; documents: number; skipped: string[] } | { state: 'failed'; error: ApiError };

interface FileItem {
  key: string;
  name: string;
  size: number;
  status: FileState;
}

const useStyles = makeStyles({
  heading: sectionHeading,
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
  chooser: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: mutedText,
  error: { color: tokens.colorPaletteRedForeground1 },
  files: plainList,
  file: { display: 'grid', gridTemplateColumns: '20px minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  fileIcon: { marginTop: '2px', fontSize: '16px' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  fileText: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  skipped: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  dropZone: { outlineOffset: '-4px' },
  // One tile per source: files dropped on it are read in with that source, without choosing it first.
  sources: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  sourceTile: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
  },
  dropOver: { outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  actions: actionRow,
});

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Reading documents into the case file: one or more files, one after another, with their source
 * (required), date and description. Each file gets its own line with its progress and, when the
 * backend refuses it, its Dutch reason; the other files go on. Stopping ends after the current file.
 */
export function ImportCard({ caseId, onImported }: { caseId: string; onImported: () => Promise<void> }) {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const card = useCardStyles();
  const input = useRef<HTMLInputElement>(null);
  const stop = useRef(false);
  const headingId = useId();
  const hintId = useId();
  const filesErrorId = useId();
  const [chosen, setChosen] = useState<File[]>([]);
  const [source, setSource] = useState<DocumentSource | ''>('');
  const [date, setDate] = useState('');
  const [description, setDescription] = useState('');
  const [checked, setChecked] = useState(false);
  const [items, setItems] = useState<FileItem[]>([]);
  const [running, setRunning] = useState(false);

  const sourceMissing = checked && source === '' ? t('dossier.import.sourceRequired') : null;
  const filesMissing = checked && chosen.length === 0 ? t('dossier.import.filesRequired') : null;
  const finished = items.filter((i) => i.status.state === 'done' || i.status.state === 'failed').length;

  const update = (key: string, status: FileState) => setItems((previous) => previous.map((item) => (item.key === key ? { ...item, status } : item)));

  async function run(files: File[] = chosen, from: DocumentSource | '' = source) {
    setChecked(true);
    if (from === '' || files.length === 0) return;
    const source = from;
    const list = files.map((file, index) => ({ file, key: `${index}-${file.name}-${file.size}-${file.lastModified}` }));
    setItems(list.map(({ file, key }) => ({ key, name: file.name, size: file.size, status: { state: 'waiting' } })));
    setRunning(true);
    stop.current = false;
    for (const { file, key } of list) {
      if (stop.current) {
        update(key, { state: 'stopped' });
        continue;
      }
      if (file.size > MAX_DOCUMENT_BYTES) {
        update(key, { state: 'failed', error: { code: 'VALIDATION', message: t('dossier.import.tooLarge') } });
        continue;
      }
      if (file.size === 0) {
        update(key, { state: 'failed', error: { code: 'VALIDATION', message: t('dossier.import.empty') } });
        continue;
      }
      update(key, { state: 'reading' });
      let dataBase64: string;
      try {
        dataBase64 = await readAsBase64(file);
      } catch {
        update(key, { state: 'failed', error: { code: 'VALIDATION', message: t('dossier.import.unreadable') } });
        continue;
      }
      update(key, { state: 'sending' });
      const result = await api.call('dossier.import', {
        caseId,
        fileName: file.name,
        dataBase64,
        source,
        description: description.trim(),
        ...(date !== '' ? { documentDate: date } : {}),
      });
      if (result.ok) {
        update(key, { state: 'done', documents: result.value.documents.length, skipped: result.value.skipped });
        await onImported();
      } else update(key, { state: 'failed', error: result.error });
    }
    setRunning(false);
    setChosen([]);
    setChecked(false);
  }

  // Files dragged in from Explorer or Outlook (which drags a mail as a .msg file). With the source
  // chosen, dropping is the instruction to read them in; without it the files wait for the source.
  const [over, setOver] = useState(false);
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (running || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const [overSource, setOverSource] = useState<DocumentSource | null>(null);
  // `on`: dropped on one source's tile, which is then the source of the files.
  const onDrop = (event: DragEvent<HTMLElement>, on: DocumentSource | null = null) => {
    setOver(false);
    setOverSource(null);
    if (running) return;
    const files = [...event.dataTransfer.files];
    if (files.length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    setChosen(files);
    setItems([]);
    if (on) setSource(on);
    const from = on ?? source;
    if (from !== '') void run(files, from);
    else setChecked(true);
  };

  return (
    <section
      className={mergeClasses(card.card, styles.dropZone, over && styles.dropOver)}
      aria-labelledby={headingId}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => onDrop(event)}
    >
      <h2 id={headingId} className={styles.heading}>
        {t('dossier.import.title')}
      </h2>
      <div className={styles.grid}>
        <div className={styles.wide}>
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            hidden
            aria-label={t('dossier.import.fileLabel')}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length > 0) {
                setChosen(files);
                setItems([]);
              }
            }}
          />
          <div className={styles.chooser}>
            <Button
              icon={<FolderOpenRegular />}
              aria-describedby={`${hintId} ${filesMissing ? filesErrorId : ''}`}
              disabledFocusable={running}
              onClick={() => input.current?.click()}
            >
              {t('dossier.import.choose')}
            </Button>
            <Text>{chosen.length === 0 ? t('dossier.import.noneChosen') : t('dossier.import.chosen', { count: chosen.length })}</Text>
          </div>
          <Text as="p" block id={hintId} size={200} className={styles.muted}>
            {t('dossier.import.hint')} {t('dossier.import.dropHint')}
          </Text>
          {filesMissing ? (
            <Text id={filesErrorId} size={200} className={styles.error} role="alert">
              {filesMissing}
            </Text>
          ) : null}
        </div>
        {/* Drop targets, not a list: axe allows no group role on a list item. */}
        <div role="group" className={mergeClasses(styles.sources, styles.wide)} aria-label={t('dossier.import.dropOnSource')}>
          {DOCUMENT_SOURCES.map((s) => (
            <div
              key={s}
              role="group"
              aria-label={DOCUMENT_SOURCE_LABELS[s]}
              className={mergeClasses(styles.sourceTile, overSource === s && styles.dropOver)}
              onDragOver={(event) => {
                onDragOver(event);
                if (event.defaultPrevented) setOverSource(s);
              }}
              onDragLeave={() => setOverSource(null)}
              onDrop={(event) => onDrop(event, s)}
            >
              {DOCUMENT_SOURCE_LABELS[s]}
            </div>
          ))}
        </div>
        <Field label={t('dossier.import.source')} required validationMessage={sourceMissing}>
          <ChoiceSelect
            value={source}
            options={DOCUMENT_SOURCES}
            labels={DOCUMENT_SOURCE_LABELS}
            placeholder={t('dossier.import.chooseSource')}
            disabled={running}
            onChange={setSource}
          />
        </Field>
        <Field label={t('dossier.import.date')} hint={t('dossier.import.dateHint')}>
          <Input type="date" value={date} disabled={running} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Field label={t('dossier.import.description')} className={styles.wide}>
          <Textarea value={description} rows={2} resize="vertical" maxLength={2000} disabled={running} onChange={(_, d) => setDescription(d.value)} />
        </Field>
      </div>
      {chosen.length > 0 && items.length === 0 ? (
        <ul className={styles.files} aria-label={t('dossier.import.chosenList')}>
          {chosen.map((file, index) => (
            <li key={`${index}-${file.name}`} className={styles.file}>
              <Circle16Regular className={styles.fileIcon} aria-hidden />
              <Text>
                {file.name} <span className={styles.muted}>({formatSize(file.size)})</span>
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
      {items.length > 0 ? (
        <>
          <Field label={t('dossier.import.progress', { done: finished, total: items.length })} validationState="none">
            <ProgressBar value={finished / items.length} thickness="large" />
          </Field>
          <ul className={styles.files} aria-label={t('dossier.import.results')} aria-live="polite">
            {items.map((item) => (
              <FileLine key={item.key} item={item} />
            ))}
          </ul>
        </>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<DocumentArrowUpRegular />} disabledFocusable={running} onClick={() => void run()}>
          {t('dossier.import.submit')}
        </Button>
        {running ? (
          <Button icon={<StopRegular />} onClick={() => (stop.current = true)}>
            {t('dossier.import.stop')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

function FileLine({ item }: { item: FileItem }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { status } = item;
  const icon =
    status.state === 'done' ? (
      <CheckmarkCircleFilled className={mergeClasses(styles.fileIcon, styles.ok)} aria-hidden />
    ) : status.state === 'failed' ? (
      <DismissCircleFilled className={mergeClasses(styles.fileIcon, styles.bad)} aria-hidden />
    ) : status.state === 'reading' || status.state === 'sending' ? (
      <Spinner size="extra-tiny" aria-hidden />
    ) : (
      <Circle16Regular className={styles.fileIcon} aria-hidden />
    );
  return (
    <li className={styles.file}>
      {icon}
      <span className={styles.fileText}>
        <Text weight="semibold">{item.name}</Text>
        {status.state === 'done' ? (
          <Text>{t('dossier.import.done', { count: status.documents })}</Text>
        ) : status.state === 'failed' ? (
          <Text className={styles.bad}>
            {t('dossier.import.failed')} {status.error.message}
            {status.error.details && status.error.details.length > 0 ? ` ${status.error.details.join(' ')}` : ''}
          </Text>
        ) : (
          <Text className={styles.muted}>{t(`dossier.import.states.${status.state}`)}</Text>
        )}
        {status.state === 'done' && status.skipped.length > 0 ? (
          <>
            <Text className={styles.muted}>{t('dossier.import.skipped')}</Text>
            <ul className={styles.skipped}>
              {status.skipped.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : null}
      </span>
    </li>
  );
}
