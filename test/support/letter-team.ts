import { addStaff, value } from './backend.js';
import { P12_PASSWORD } from './letters.js';
import { testPkcs12 } from './pkcs12.js';
import { team } from './team.js';

/**
 * The letters team: the standard team plus a signer (Sanne), a handler who is also a signer
 * (Harm), the organisation's certificate configured by the admin, and a case for each handler.
 */
export async function letterTeam(onCleanup: (cleanup: () => void) => void, options: Parameters<typeof team>[1] = {}) {
  const t = await team(onCleanup, options);
  const signer = await addStaff(t.backend, t.adminToken, 'sanne', ['signer'], 'Sanne Ağaoğlu');
  const handlerSigner = await addStaff(t.backend, t.adminToken, 'harm', ['handler', 'signer'], 'Harm Weißbach');
  value(await t.call('settings.setSigning', { p12Base64: testPkcs12(P12_PASSWORD).toString('base64'), password: P12_PASSWORD }, t.adminToken));
  value(await t.call('signer.setProfile', { functionTitle: 'Teamleider Privacy' }, signer.token));
  const requester = { name: 'Łukasz Nguyễn-Özdemir', address: 'Weißstraße 12, 1234 AB Hilversum', customerNumber: 'K-104233', birthDate: '1985-04-12' };
  return { ...t, signer, handlerSigner, requester };
}
