import { describe, expect, it } from 'vitest';
import { createFileDialogs, type DialogPort } from '../../main/app/electron/file-dialogs.js';

/** Electron's dialog cannot open here: a port that records what it was asked and answers `answer`. */
function fakeDialogs(answer: string | null, options: { fails?: boolean } = {}) {
  const asked: { mode: string; options: unknown }[] = [];
  const port: DialogPort = {
    showSave: (o) => {
      asked.push({ mode: 'save', options: o });
      return options.fails ? Promise.reject(new Error('geen venster')) : Promise.resolve(answer);
    },
    showOpen: (o) => {
      asked.push({ mode: 'open', options: o });
      return Promise.resolve(answer);
    },
  };
  return { asked, choose: createFileDialogs(port, () => '2026-12-08') };
}

describe('Open and Save dialogs of the desktop app', () => {
  it('opens the Save dialog for a back-up with its own title, type and a dated name, and returns the path', async () => {
    const { asked, choose } = fakeDialogs('D:\\Back-up\\avg-desk-2026-12-08.zip');
    expect(await choose({ purpose: 'backup' })).toBe('D:\\Back-up\\avg-desk-2026-12-08.zip');
    expect(asked).toEqual([
      {
        mode: 'save',
        options: { title: 'Back-up opslaan', defaultPath: 'avg-desk-2026-12-08.zip', filters: [{ name: 'Back-up van AVG Desk', extensions: ['zip'] }] },
      },
    ]);
  });

  it('opens the Open dialog to import a handover file', async () => {
    const { asked, choose } = fakeDialogs('E:\\AVG-2026-0001.avgh');
    expect(await choose({ purpose: 'handover-import' })).toBe('E:\\AVG-2026-0001.avgh');
    expect(asked).toEqual([
      { mode: 'open', options: { title: 'Overdrachtsbestand kiezen', filters: [{ name: 'Overdracht van een zaak', extensions: ['avgh'] }] } },
    ]);
  });

  it('answers null, without a dialog, to a request that is not one of ours', async () => {
    const { asked, choose } = fakeDialogs('C:\\Windows\\win.ini');
    for (const payload of [null, 'backup', {}, { purpose: 'system32' }, { purpose: 'backup', title: 'Windows-update' }, { purpose: 7 }]) {
      expect(await choose(payload), JSON.stringify(payload)).toBeNull();
    }
    expect(asked).toEqual([]);
  });

  it('answers null when the user cancels or the dialog fails', async () => {
    expect(await fakeDialogs(null).choose({ purpose: 'restore' })).toBeNull();
    expect(await fakeDialogs('').choose({ purpose: 'restore' })).toBeNull();
    expect(await fakeDialogs('x', { fails: true }).choose({ purpose: 'backup' })).toBeNull();
  });
});
