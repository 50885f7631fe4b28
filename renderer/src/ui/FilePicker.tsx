import { Button, makeStyles, Text, tokens, type FieldControlProps } from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  picker: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  button: { flexShrink: 0, whiteSpace: 'nowrap' },
  // Whole, on the next line when the field is narrow: a cut-off name does not say which file it is.
  name: { color: tokens.colorNeutralForeground2, minWidth: 0, overflowWrap: 'anywhere' },
});

interface FilePickerProps {
  /** From the surrounding Field (render-function child), so its label names the button. */
  field: FieldControlProps;
  accept: string;
  file: File | null;
  onFile: (file: File | null) => void;
  /** Shown instead of "Geen bestand gekozen" when nothing is chosen (e.g. "Logo ingesteld"). */
  current?: string | undefined;
}

/**
 * A file choice in the app's own style and language: a button that opens the system's file dialog
 * (the browser's own file input says "Choose File" in the browser's language) and the chosen name.
 */
export function FilePicker({ field, accept, file, onFile, current }: FilePickerProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  // A button may not carry aria-required or aria-invalid; the label still names it, the hint still describes it.
  const { 'aria-required': _required, 'aria-invalid': _invalid, ...buttonProps } = field;
  return (
    <div className={styles.picker}>
      <Button {...buttonProps} className={styles.button} icon={<FolderOpenRegular />} onClick={() => input.current?.click()}>
        {t('settings.file.choose')}
      </Button>
      <Text className={styles.name}>{file ? file.name : (current ?? t('settings.file.none'))}</Text>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        tabIndex={-1}
        aria-hidden
        onChange={(event) => {
          onFile(event.target.files?.[0] ?? null);
          event.target.value = '';
        }}
      />
    </div>
  );
}
