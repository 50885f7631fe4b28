import { FILE_PURPOSES, type FilePurpose } from '../../../shared/work/os-bridge.js';

/** What the main process asks of Electron's `dialog`; a fake in the tests. */
export interface DialogPort {
  showSave(options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  showOpen(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
}

/**
 * The Windows Open and Save dialogs for files the app writes or reads by path (back-up, restore,
 * handover). The page names only the purpose; titles, file types and the suggested name are the
 * main process's, so a page gone wrong cannot dress a dialog up as something else.
 */
const DIALOGS: Readonly<
  Record<FilePurpose, { mode: 'save' | 'open'; title: string; filter: { name: string; extensions: string[] }; name?: (today: string) => string }>
> = {
  backup: { mode: 'save', title: 'Back-up opslaan', filter: { name: 'Back-up van AVG Desk', extensions: ['zip'] }, name: (today) => `avg-desk-${today}.zip` },
  restore: { mode: 'open', title: 'Back-up kiezen om terug te zetten', filter: { name: 'Back-up van AVG Desk', extensions: ['zip'] } },
  'handover-export': {
    mode: 'save',
    title: 'Overdrachtsbestand opslaan',
    filter: { name: 'Overdracht van een zaak', extensions: ['avgh'] },
    name: () => 'overdracht.avgh',
  },
  'handover-import': { mode: 'open', title: 'Overdrachtsbestand kiezen', filter: { name: 'Overdracht van een zaak', extensions: ['avgh'] } },
};

/** Answers the page's request: the chosen path, or null when cancelled or the request is not one we know. Never throws. */
export function createFileDialogs(port: DialogPort, today: () => string): (payload: unknown) => Promise<string | null> {
  return async (payload) => {
    if (typeof payload !== 'object' || payload === null || Object.keys(payload).length !== 1) return null;
    const purpose = (payload as { purpose?: unknown }).purpose;
    if (typeof purpose !== 'string' || !(FILE_PURPOSES as readonly string[]).includes(purpose)) return null;
    const spec = DIALOGS[purpose as FilePurpose];
    try {
      const chosen =
        spec.mode === 'save'
          ? await port.showSave({ title: spec.title, defaultPath: spec.name?.(today()) ?? '', filters: [spec.filter] })
          : await port.showOpen({ title: spec.title, filters: [spec.filter] });
      return typeof chosen === 'string' && chosen !== '' ? chosen : null;
    } catch {
      return null;
    }
  };
}
