import { Button } from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { FilePurpose } from '../../../shared/work/os-bridge.js';
import { desktopOs } from './desktop-os.js';

/**
 * "Bladeren…" next to a path field, in the desktop app: the Windows Open or Save dialog for
 * `purpose` fills in the path. In browser mode there is no such dialog and nothing is shown.
 */
export function BrowseButton({ purpose, onChosen }: { purpose: FilePurpose; onChosen: (path: string) => void }) {
  const { t } = useTranslation();
  const os = desktopOs();
  if (!os) return null;
  return (
    <Button
      appearance="transparent"
      size="small"
      icon={<FolderOpenRegular />}
      onClick={() =>
        void os.chooseFile(purpose).then((path) => {
          if (path) onChosen(path);
        })
      }
    >
      {t('files.browse')}
    </Button>
  );
}
