import { describe, expect, it } from 'vitest';
import { addStaff, value } from '../support/backend.js';
import { CENTRAL_PASSWORD, caseRequest, centralForFile } from '../support/central.js';

/**
 * A sync never drops an assignment: a handler who has no central login yet stays the handler of
 * their case, on this desktop and (pending, by user name) in the central register, until their
 * login exists; every change of handler, also one pulled from the central database, is on the
 * case's timeline. Real PostgreSQL (the run's cluster), made-up people.
 */
const central = centralForFile('assign', { dropRoles: ['avg_u_nina'] });

describe('assignments across the sync', () => {
  it('a handler without a central login keeps her case, is named as such, and gets it centrally once her login exists; each change is on the timeline', async () => {
    const office = await central.desktop(['fg']);
    const nina = await addStaff(office.backend, office.adminToken, 'nina', ['handler'], 'Nina Nieuwkomer');
    const fg = office.staff.fg.token;
    await office.sync('fg');
    const created = value(await office.call('case.create', caseRequest('inzage', { name: 'Teun van Velzen' }, { channel: 'email', handlerId: nina.id }), fg));
    await office.sync('fg');
    await office.sync('fg');

    // Locally she is still the handler; centrally the case waits for her login.
    expect(value(await office.call('case.get', { id: created.id }, fg))).toMatchObject({ handlerId: nina.id });
    expect((await central.owner.query('SELECT handler_id, pending_handler FROM cases WHERE id = $1', [created.id])).rows).toEqual([
      { handler_id: null, pending_handler: 'nina' },
    ]);
    expect(value(await office.call('sync.status', {}, fg)).withoutCentralLogin).toEqual(['Nina Nieuwkomer']);

    // The dpo makes her login: the register gets its handler, the desktop keeps her.
    const made = await central.owner.query<{ id: string }>('SELECT avg_create_login($1, $2, $3::text[], $4) AS id', [
      'nina',
      'Nina Nieuwkomer',
      ['handler'],
      CENTRAL_PASSWORD,
    ]);
    const ninaCentral = made.rows[0]?.id;
    expect((await central.owner.query('SELECT handler_id, pending_handler FROM cases WHERE id = $1', [created.id])).rows).toEqual([
      { handler_id: ninaCentral, pending_handler: null },
    ]);
    await office.sync('fg');
    expect(value(await office.call('case.get', { id: created.id }, fg))).toMatchObject({ handlerId: nina.id });
    expect(value(await office.call('sync.status', {}, fg)).withoutCentralLogin).toEqual([]);

    // The dpo on another desktop gives the case to Hanna: this desktop learns it from the register, on the timeline.
    const other = await central.desktop(['fg', 'hanna']);
    await other.sync('fg');
    value(await other.call('case.assign', { id: created.id, handlerId: other.staff.hanna.id }, other.staff.fg.token));
    await other.sync('fg');
    await office.sync('fg');
    const hannaHere = value(await office.call('staff.handlers', {}, fg)).find((h) => h.fullName === 'Hanna Behandelaar');
    expect(value(await office.call('case.get', { id: created.id }, fg))).toMatchObject({ handlerId: hannaHere?.id });
    const timeline = value(await office.call('case.timeline', { id: created.id }, fg));
    expect(timeline.filter((e) => e.procedure === 'case.create' || e.procedure === 'sync.assign').map((e) => e.procedure)).toEqual([
      'case.create',
      'sync.assign',
    ]);
  });
});
