/**
 * The owner of the central schema, and the functions above the staff (dpo, auditor), attacked as
 * each staff login (real PostgreSQL, the run's cluster): avg_owner owns everything and no app login
 * can reach it; the admin cannot switch the dpo off and nobody removes the last one; the auditor
 * reads the audit trail and never writes it. The legitimate path is tried next to each attack.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FUNCTION_ROLES, migrateCentral } from '../../db/central/migrate.js';
import { testClusterUrl } from '../support/postgres.js';
import {
  APPEND,
  as,
  clientConfig,
  connect,
  CREATE_LOGIN,
  db,
  event,
  EVERYONE,
  extraLogins,
  functionsOf,
  ids,
  logins,
  owner,
  PASSWORD,
  refused,
  rows,
  tag,
  useInsiderDatabase,
} from '../support/insiders.js';

useInsiderDatabase();

describe('the owner: a role no app login reaches', () => {
  it('no login the app uses is superuser, bypasses row-level security, owns a table or can switch the audit triggers off', async () => {
    const attrs = await rows<{ rolname: string; bad: boolean }>(
      owner,
      `SELECT rolname, (rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb OR rolreplication) AS bad FROM pg_roles WHERE rolname = ANY($1) ORDER BY 1`,
      [[...FUNCTION_ROLES, ...Object.values(logins)]],
    );
    expect(attrs).toHaveLength(FUNCTION_ROLES.length + EVERYONE.length);
    expect(attrs.filter((r) => r.bad)).toEqual([]);
    const owned = await rows(
      owner,
      `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.relnamespace = 'public'::regnamespace AND r.rolname = ANY($1)`,
      [[...FUNCTION_ROLES, ...Object.values(logins)]],
    );
    expect(owned).toEqual([]);
    for (const person of EVERYONE) {
      for (const table of ['audit_events', 'audit_anchors', 'staff_grants', 'decisions']) {
        await refused(as[person], `ALTER TABLE ${table} DISABLE TRIGGER USER`);
      }
    }
  });

  it('the schema belongs to avg_owner, a role nobody logs in as and no app login is a member of', async () => {
    expect(await rows(owner, `SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'avg_owner'`)).toEqual([
      { rolcanlogin: false, rolsuper: false, rolbypassrls: false },
    ]);
    const tableOwners = await rows(
      owner,
      `SELECT DISTINCT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'S')`,
    );
    expect(tableOwners).toEqual([{ rolname: 'avg_owner' }]);
    const functionOwners = await rows(
      owner,
      `SELECT DISTINCT r.rolname FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner WHERE p.pronamespace = 'public'::regnamespace`,
    );
    expect(functionOwners).toEqual([{ rolname: 'avg_owner' }]);
    const members = await rows(owner, `SELECT rolname FROM pg_roles WHERE rolname = ANY($1) AND pg_has_role(rolname, 'avg_owner', 'member')`, [
      [...FUNCTION_ROLES, ...Object.values(logins)],
    ]);
    expect(members).toEqual([]);
    // The app still works under the new owner: a login made and changed by the functions it owns.
    const olga = `olga-${tag}`;
    extraLogins.push(`avg_u_olga_${tag}`);
    await as.bea.query(CREATE_LOGIN, [olga, 'Olga Overdracht', ['intake'], PASSWORD]);
    await as.bea.query(CREATE_LOGIN, [olga, 'Olga Overdracht', ['intake', 'handler'], PASSWORD]);
    expect(await functionsOf(`avg_u_olga_${tag}`)).toEqual(['avg_handler', 'avg_intake']);
  });

  it('every app login is refused when it switches off, drops, replaces or bypasses what keeps audit events insert-only', async () => {
    const before = await rows(owner, 'SELECT count(*)::int AS n FROM audit_events');
    const attacks = [
      'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change',
      'ALTER TABLE audit_events DISABLE TRIGGER ALL',
      'DROP TRIGGER audit_events_no_change ON audit_events',
      'DELETE FROM audit_events',
      'UPDATE audit_events SET outcome = outcome',
      'TRUNCATE audit_events',
      'DROP TABLE audit_events',
      'ALTER TABLE audit_events OWNER TO CURRENT_USER',
      'DROP FUNCTION avg_audit_events_insert_only() CASCADE',
      `CREATE OR REPLACE FUNCTION avg_audit_events_insert_only() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN OLD; END'`,
      'CREATE OR REPLACE FUNCTION public.avg_caller_is_owner() RETURNS boolean LANGUAGE sql AS $$ SELECT true $$',
      'SET session_replication_role = replica',
      'GRANT avg_owner TO CURRENT_USER',
      'SET ROLE avg_owner',
    ];
    for (const person of EVERYONE) {
      for (const attack of attacks) await refused(as[person], attack);
    }
    expect(await rows(owner, 'SELECT count(*)::int AS n FROM audit_events')).toEqual(before);
    expect(await rows(owner, `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal ORDER BY 1`)).toEqual([
      { tgname: 'audit_events_no_change', tgenabled: 'O' },
      { tgname: 'audit_events_no_truncate', tgenabled: 'O' },
    ]);
  });
});

describe('a DBA who migrates without being superuser', () => {
  it("migrates as a CREATEROLE login that becomes a member of avg_owner; the schema is still avg_owner's and the app works", async () => {
    const cluster = await connect(clientConfig(testClusterUrl()));
    const dba = `dba_${tag}`;
    const database = `t_dba_${tag}`;
    const worker = `avg_u_wim_${tag}`;
    extraLogins.push(worker);
    try {
      await cluster.query(`CREATE ROLE ${dba} LOGIN CREATEROLE PASSWORD '${PASSWORD}'`);
      await cluster.query(`CREATE DATABASE ${database} OWNER ${dba}`);
      const url = new URL(db.url);
      url.pathname = `/${database}`;
      const config = clientConfig(url.toString(), dba, PASSWORD);
      await migrateCentral(config);
      const asDba = await connect(config);
      try {
        expect(
          await rows(
            asDba,
            `SELECT pg_has_role(current_user, 'avg_owner', 'member') AS member, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`,
          ),
        ).toEqual([{ member: true, superuser: false }]);
        expect(
          await rows(
            asDba,
            `SELECT DISTINCT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v')`,
          ),
        ).toEqual([{ rolname: 'avg_owner' }]);
        await asDba.query(CREATE_LOGIN, [`wim-${tag}`, 'Wim Werkplek', ['handler', 'signer'], PASSWORD]);
        expect(await functionsOf(worker)).toEqual(['avg_handler', 'avg_signer']);
      } finally {
        await asDba.end();
      }
      const wim = await connect(clientConfig(url.toString(), worker, PASSWORD));
      try {
        await refused(wim, 'ALTER TABLE audit_events DISABLE TRIGGER USER');
        await refused(wim, 'TRUNCATE audit_events');
      } finally {
        await wim.end();
      }
    } finally {
      await cluster.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cluster.query(`DROP ROLE IF EXISTS ${dba}`);
      await cluster.end();
    }
  });
});

describe('the dpo: the admin cannot switch her off, and nobody removes the last one', () => {
  const DEACTIVATE = 'UPDATE staff SET active = false, updated_at = now() WHERE id = $1';

  it('the admin cannot deactivate, rename, reset or strip the dpo, a signer or the auditor; the dpo can, and the admin still manages the rest', async () => {
    for (const person of ['fenna', 'sanne', 'aart'] as const) {
      await refused(as.bea, DEACTIVATE, [ids[person]], /Alleen de FG/u);
      await refused(as.bea, `UPDATE staff SET full_name = 'Iemand Anders' WHERE id = $1`, [ids[person]], /Alleen de FG/u);
    }
    await refused(as.bea, CREATE_LOGIN, [`fenna-${tag}`, 'Fenna FG', ['intake'], PASSWORD]);
    await refused(as.bea, CREATE_LOGIN, [`fenna-${tag}`, 'Fenna FG', ['dpo'], 'Overgenomen-Wachtwoord-2!']);
    expect(await rows(owner, 'SELECT active, full_name, roles FROM staff WHERE id = $1', [ids.fenna])).toEqual([
      { active: true, full_name: 'Fenna FG', roles: ['dpo'] },
    ]);
    await (await connect(clientConfig(db.url, logins.fenna, PASSWORD))).end();

    // The dpo manages dpo-level grants: a second dpo, switched off and on again by her, never by the admin.
    const frank = `frank-${tag}`;
    extraLogins.push(`avg_u_frank_${tag}`);
    const frankId = (await rows<{ id: string }>(as.fenna, CREATE_LOGIN, [frank, 'Frank FG', ['dpo'], PASSWORD]))[0]?.id;
    await refused(as.bea, DEACTIVATE, [frankId], /Alleen de FG/u);
    expect((await as.fenna.query(DEACTIVATE, [frankId])).rowCount).toBe(1);
    await expect(connect(clientConfig(db.url, `avg_u_frank_${tag}`, PASSWORD))).rejects.toMatchObject({ code: '28000' });
    expect((await as.fenna.query('UPDATE staff SET active = true, updated_at = now() WHERE id = $1', [frankId])).rowCount).toBe(1);
    await (await connect(clientConfig(db.url, `avg_u_frank_${tag}`, PASSWORD))).end();
    // The admin still switches off and renames a handler.
    const kees = (await rows<{ id: string }>(as.bea, CREATE_LOGIN, [`kees-${tag}`, 'Kees Tijdelijk', ['handler'], PASSWORD]))[0]?.id;
    extraLogins.push(`avg_u_kees_${tag}`);
    expect((await as.bea.query(`UPDATE staff SET full_name = 'Kees Tijdelijk-Jansen' WHERE id = $1`, [kees])).rowCount).toBe(1);
    expect((await as.bea.query(DEACTIVATE, [kees])).rowCount).toBe(1);
  });

  it('nobody removes the last active dpo: not by switching her off, nor by taking the function away', async () => {
    const frankId = (await rows<{ id: string }>(owner, 'SELECT id FROM staff WHERE user_name = $1', [`frank-${tag}`]))[0]?.id;
    // With two dpos one may go: Frank takes the function from Fenna and gives it back.
    await as.fenna.query(DEACTIVATE, [frankId]);
    await refused(as.fenna, DEACTIVATE, [ids.fenna], /laatste actieve FG/u);
    await refused(owner, DEACTIVATE, [ids.fenna], /laatste actieve FG/u);
    expect(await rows(owner, 'SELECT active FROM staff WHERE id = $1', [ids.fenna])).toEqual([{ active: true }]);
    await as.fenna.query('UPDATE staff SET active = true, updated_at = now() WHERE id = $1', [frankId]);
    const frank = await connect(clientConfig(db.url, `avg_u_frank_${tag}`, PASSWORD));
    try {
      await frank.query(CREATE_LOGIN, [`fenna-${tag}`, 'Fenna FG', ['handler'], PASSWORD]);
      expect(await functionsOf(logins.fenna)).toEqual(['avg_handler']);
      await refused(frank, DEACTIVATE, [frankId], /laatste actieve FG/u);
      await refused(owner, CREATE_LOGIN, [`frank-${tag}`, 'Frank FG', ['admin'], PASSWORD], /laatste actieve FG/u);
      expect(await functionsOf(`avg_u_frank_${tag}`)).toEqual(['avg_dpo']);
      await frank.query(CREATE_LOGIN, [`fenna-${tag}`, 'Fenna FG', ['dpo'], PASSWORD]);
      expect(await functionsOf(logins.fenna)).toEqual(['avg_dpo']);
    } finally {
      await frank.end();
    }
  });
});

describe('the auditor reads, never writes, the audit trail', () => {
  it('the auditor appends no events, not on its own chain and not in its own name, and anchors nothing; it still reads them', async () => {
    const own = `desk-aart-${tag}`;
    const secret = randomBytes(32).toString('base64url');
    await refused(as.aart, APPEND, [own, secret, JSON.stringify([event(1, ids.aart, { roles: ['auditor'] })])], /auditor/u);
    await refused(as.aart, APPEND, [own, secret, JSON.stringify([event(1, null, { roles: ['auditor'] })])], /auditor/u);
    await refused(as.aart, 'SELECT avg_anchor_audit_chain($1, $2, 1, $3)', [own, secret, 'a'.repeat(64)], /auditor/u);
    expect(await rows(owner, 'SELECT count(*)::int AS n FROM audit_events WHERE desktop_id = $1', [own])).toEqual([{ n: 0 }]);
    expect(await rows(owner, 'SELECT count(*)::int AS n FROM audit_desktops WHERE desktop_id = $1', [own])).toEqual([{ n: 0 }]);
    // Someone who is auditor and also works cases still sends the events of their desktop.
    const both = `hetty-${tag}`;
    extraLogins.push(`avg_u_hetty_${tag}`);
    const hettyId = (await rows<{ id: string }>(as.fenna, CREATE_LOGIN, [both, 'Hetty Beide', ['handler', 'auditor'], PASSWORD]))[0]?.id ?? null;
    const hetty = await connect(clientConfig(db.url, `avg_u_hetty_${tag}`, PASSWORD));
    try {
      expect(await rows(hetty, APPEND, [`desk-hetty-${tag}`, secret, JSON.stringify([event(1, hettyId)])])).toEqual([{ n: 1 }]);
    } finally {
      await hetty.end();
    }
    expect(await rows(as.aart, 'SELECT count(*)::int AS n FROM audit_events WHERE desktop_id = $1', [`desk-hetty-${tag}`])).toEqual([{ n: 1 }]);
  });
});
