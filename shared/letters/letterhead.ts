import type { DataProtectionOfficer, Organisation } from './data.js';

/**
 * Until the admin enters the FG's own details, letters point to the corporation's postal address
 * and a privacy mailbox, so every decision names a way to reach the FG.
 */
export const DEFAULT_DPO: DataProtectionOfficer = {
  name: 'De functionaris gegevensbescherming van Stichting de Alliantie',
  email: 'privacy@de-alliantie.nl',
  phone: '088 0023200',
  address: 'Postbus 105, 1200 AC Hilversum',
};

/**
 * The letterhead an admin sets in Beheer. The defaults are the corporation's details from the
 * privacy policy (§2): Stichting de Alliantie, Postbus 105, 1200 AC Hilversum, KvK 39048769.
 */
export interface Letterhead extends Organisation {
  /** A PNG logo printed top right, base64; null for none. */
  logoPngBase64: string | null;
}

export const DEFAULT_LETTERHEAD: Letterhead = {
  name: 'Stichting de Alliantie',
  postalAddress: ['Postbus 105', '1200 AC Hilversum'],
  visitingAddress: 'Jan van der Heijdenstraat 36, 1221 EJ Hilversum',
  phone: '088 0023200',
  email: 'info@de-alliantie.nl',
  kvk: '39048769',
  place: 'Hilversum',
  dpo: DEFAULT_DPO,
  logoPngBase64: null,
};
