import { describe, expect, it } from 'vitest';
import { DOCUMENT_SOURCES } from '../../shared/dossier/dossier.js';
import { ACTIVITY_OF_SOURCE, activitiesFromDossier, DEFAULT_REGISTER } from '../../shared/letters/register.js';

const IDS = DEFAULT_REGISTER.map((a) => a.id);

describe('the access letter starts from the activities the dossier points at', () => {
  it('maps every dossier source but "Anders" to an activity of the default register', () => {
    for (const source of DOCUMENT_SOURCES) {
      const activity = ACTIVITY_OF_SOURCE[source];
      if (source === 'anders') expect(activity).toBeNull();
      else expect(IDS).toContain(activity);
    }
  });

  it('ticks the sources of the documents and the systems where data was found, in the register order, and nothing else', () => {
    expect(activitiesFromDossier(IDS, ['klantcontact', 'huuradministratie', 'huuradministratie', 'anders'], ['mijn-alliantie'])).toEqual([
      'huuradministratie',
      'klantcontact',
      'mijn-alliantie',
    ]);
    expect(activitiesFromDossier(IDS, [], [])).toEqual([]);
    expect(activitiesFromDossier(IDS, ['anders'], [])).toEqual([]);
  });

  it('leaves out what the register no longer holds (an activity the admin removed or deactivated)', () => {
    const withoutRent = IDS.filter((id) => id !== 'huuradministratie');
    expect(activitiesFromDossier(withoutRent, ['huuradministratie', 'overlastdossier'], ['verwijderd-systeem'])).toEqual(['overlast-woonfraude']);
  });
});
