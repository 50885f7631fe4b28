import { Field, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilePurpose } from '../../../shared/work/os-bridge.js';
import { BrowseButton } from './BrowseButton.js';
import { isDesktop, saveFile } from './downloads.js';
import { FilePicker } from './FilePicker.js';
import { readAsBase64 } from './files.js';

/**
 * A file the backend reads or writes (backup, restore, handover). The desktop app names it by path,
 * typed or chosen in the Windows dialog; browser mode, whose page cannot name a path, sends the
 * chosen file's bytes with the call and downloads what the backend sends back. Either way the file
 * is the same encrypted one, and the page keeps its bytes in memory only.
 */
export type FileChoice = { path: string } | { file: File | null };

/** What goes into the call: `{ path }` or `{ dataBase64 }`; null when nothing is chosen yet. */
export async function sourceOf(choice: FileChoice): Promise<{ path: string } | { dataBase64: string } | null> {
  if ('path' in choice) return choice.path.trim() === '' ? null : { path: choice.path.trim() };
  return choice.file ? { dataBase64: await readAsBase64(choice.file) } : null;
}

export function isChosen(choice: FileChoice): boolean {
  return 'path' in choice ? choice.path.trim() !== '' : choice.file !== null;
}

export function emptyChoice(): FileChoice {
  return isDesktop() ? { path: '' } : { file: null };
}

interface FieldProps {
  label: string;
  /** The desktop's hint for the path (e.g. "Volledig pad, …"); browser mode shows none. */
  pathHint?: string;
  validationMessage?: string | undefined;
  autoFocus?: boolean;
}

/** The file to read: a path with "Bladeren…" (desktop), or a file chosen in the page (browser mode). */
export function FileSourceField({
  purpose,
  accept,
  value,
  onChange,
  ...field
}: FieldProps & { purpose: FilePurpose; accept: string; value: FileChoice; onChange: (choice: FileChoice) => void }) {
  if ('path' in value) return <PathField purpose={purpose} value={value.path} onChange={(path) => onChange({ path })} {...field} />;
  return (
    <Field label={field.label} required validationMessage={field.validationMessage ?? null}>
      {(control) => <FilePicker field={control} accept={accept} file={value.file} onFile={(file) => onChange({ file })} />}
    </Field>
  );
}

/** Where to write: a path with "Bladeren…" (desktop); in browser mode the answer is downloaded, which the field says. */
export function FileTargetField({
  purpose,
  value,
  onChange,
  ...field
}: FieldProps & { purpose: FilePurpose; value: string; onChange: (path: string) => void }) {
  const { t } = useTranslation();
  if (!isDesktop()) return <Text as="p">{t('files.download')}</Text>;
  return <PathField purpose={purpose} value={value} onChange={onChange} {...field} />;
}

function PathField({
  purpose,
  value,
  onChange,
  label,
  pathHint,
  validationMessage,
  autoFocus,
}: FieldProps & { purpose: FilePurpose; value: string; onChange: (path: string) => void }) {
  return (
    <Field label={label} hint={pathHint ?? null} required validationMessage={validationMessage ?? null}>
      <Input
        value={value}
        spellCheck={false}
        autoFocus={autoFocus}
        onChange={(_, d) => onChange(d.value)}
        contentAfter={<BrowseButton purpose={purpose} onChosen={onChange} />}
      />
    </Field>
  );
}

/** The path to write to, or nothing: browser mode gets the file back in the answer. */
export function useTargetPath(): [string, (path: string) => void, () => { path: string } | Record<string, never> | null] {
  const [path, setPath] = useState('');
  const target = () => (isDesktop() ? (path.trim() === '' ? null : { path: path.trim() }) : {});
  return [path, setPath, target];
}

/** Saves what the backend sent back instead of writing it (browser mode). */
export function deliver(result: { fileName: string; dataBase64?: string | undefined }, mime: string): void {
  if (result.dataBase64 !== undefined) saveFile(result.dataBase64, result.fileName, mime);
}
