import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { handoverExports } from '../handover/schema.js';
import { caseActivities, decisions, letters } from '../letters/schema.js';
import { outbox } from '../sync/schema.js';
import { caseRetention, centralLetters, destructionListItems, destructionRecords, legalHolds } from '../retention/schema.js';
import { datasets, sourceSearches } from '../dossier/schema.js';
import { caseFiles, caseKeys, caseTasks, cases, documents, identityChecks, redactedVersions, thirdParties } from '../schema.js';

/**
 * Everything that belongs to a case, in one place: every table that names a case and every column
 * of it, with what happens to it on handover, crypto-shredding, destruction and sync. Handover,
 * retention and the sync iterate this list; test/unit/case-parts.spec.ts holds it against the
 * migrated store, so a new table or column cannot escape shredding unnoticed.
 *
 * What a column holds:
 * - `data`: not personal (dates, statuses, kinds, hashes, counts, ids of rows of the case).
 * - `staff` / `staffList`: a local staff id (list); handover maps it to the other desktop's id.
 * - `file`: the id of an encrypted case file (its ciphertext goes when the case is shredded).
 * - `key`: key material; a handover bundle leaves it out (the other desktop wraps again), shredding removes it.
 * - `requester`: personal data of the requester (or their representative).
 * - `thirdParty`: personal data of someone else named in the file.
 * - `dossier`: content of the file that may name anyone (texts, file names, notes on the case).
 * - `note`: a staff member's note for the register (a hold's reason); kept until destruction.
 * Shredding must leave no `key`, `requester`, `thirdParty` or `dossier` value behind.
 */
export const COLUMN_ROLES = ['data', 'staff', 'staffList', 'file', 'key', 'requester', 'thirdParty', 'dossier', 'note'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Roles shredding removes: such a column is in a table shredding deletes, or it is blanked. */
export const SHREDDED_ROLES: readonly ColumnRole[] = ['key', 'requester', 'thirdParty', 'dossier'];

type Row<T extends SQLiteTable> = T['$inferSelect'];
type Columns<T extends SQLiteTable> = { readonly [K in keyof Row<T> & string]: ColumnRole };

/** How a table names its case. */
export type CaseLink =
  | { kind: 'column'; column: string }
  /** Through a parent row of the case (redacted versions hang off documents). */
  | { kind: 'parent'; column: string; parent: string; parentColumn: string }
  /** In the JSON payload (the outbox: entries name their case by `caseId`). */
  | { kind: 'payload'; field: string };

/**
 * On handover: `carried` parts travel in the bundle under `key` (their `key` columns left out);
 * the others are rebuilt on the other desktop (`rebuilt`) or stay with this one (`stays`).
 */
export type HandoverFate =
  | {
      carried: true;
      key: string;
      /** SQL columns the rows are read in, so a bundle is the same every time. */
      order: readonly string[];
      /** `one`: the case row; `oneOrNone`: at most one row; `activityIds`: the ticked activity ids; `rows`: a list. */
      shape: 'one' | 'oneOrNone' | 'activityIds' | 'rows';
      /** A row the receiving desktop may already have (a pull or a trigger wrote it) is left as it is. */
      ifAbsent: boolean;
      /** Not in bundles written before this part travelled: read as an empty list. */
      mayBeAbsent?: true;
      /** Only these rows travel (an SQL condition over the part's own columns). */
      only?: string;
    }
  | { carried: false; why: 'rebuilt' | 'stays' };

export interface CasePart {
  /** The SQL table. */
  readonly name: string;
  /** The drizzle table; absent for the full-text index (a virtual table drizzle does not know). */
  readonly table: SQLiteTable | undefined;
  readonly link: CaseLink;
  /** SQL column name → role. */
  readonly columns: Readonly<Record<string, ColumnRole>>;
  /** JS property name (drizzle) → SQL column name. */
  readonly sqlNames: Readonly<Record<string, string>>;
  readonly handover: HandoverFate;
  /** Crypto-shredding (end of the file's term, or after a confirmed handover): rows deleted, blanked (SQL column → value) or kept. */
  readonly shred: 'delete' | 'keep' | { blank: Readonly<Record<string, SQL | string | number | null>> };
  /** Destruction of the register record: rows deleted, or kept because they record the destruction itself. */
  readonly destroy: 'delete' | 'keep';
  /** What the central database learns of it (main/sync): pushed, pulled, or nothing. */
  readonly sync: 'pushed' | 'pulled' | 'local';
  /** Columns the sync copies one to one, by JS property: the central table and column, and its PostgreSQL type when not text. */
  readonly central?: Readonly<Record<string, CentralColumn>>;
  /** A row here means this desktop holds the case's file, not only its register row (a pull never writes it). */
  readonly localFile: boolean;
}

export interface CentralColumn {
  table: 'cases' | 'case_requesters';
  column: string;
  cast: '' | 'date' | 'boolean' | 'jsonb';
}

type Spec<T extends SQLiteTable> = Omit<CasePart, 'name' | 'table' | 'columns' | 'sqlNames' | 'link' | 'shred' | 'central'> & {
  central?: { readonly [K in keyof Row<T> & string]?: CentralColumn };
  columns: Columns<T>;
  link: CaseLink;
  shred: 'delete' | 'keep' | { blank: { readonly [K in keyof Row<T> & string]?: SQL | string | number | null } };
};

/** A part typed against its drizzle table: every column must be given a role, blanked columns must exist. */
function part<T extends SQLiteTable>(table: T, name: string, spec: Spec<T>): CasePart {
  const sqlNames = Object.fromEntries(Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name]));
  const toSql = (key: string): string => {
    const column = sqlNames[key];
    if (!column) throw new Error(`case part ${name}: no column ${key}`);
    return column;
  };
  const columns = Object.fromEntries(Object.entries(spec.columns as Record<string, ColumnRole>).map(([key, role]) => [toSql(key), role]));
  const shred =
    typeof spec.shred === 'string'
      ? spec.shred
      : { blank: Object.fromEntries(Object.entries(spec.shred.blank).map(([key, value]) => [toSql(key), value ?? null])) };
  const { central, ...rest } = spec;
  return { ...rest, name, table, columns, sqlNames, shred, ...(central ? { central: central as Record<string, CentralColumn> } : {}) };
}

const onCase = (column = 'case_id'): CaseLink => ({ kind: 'column', column });

/**
 * In the order rows can be inserted (a row's parent comes first); deletion runs in reverse.
 * The handover `key` is the manifest's field (bundles of older versions keep their names).
 */
export const CASE_PARTS: readonly CasePart[] = [
  part(cases, 'cases', {
    link: onCase('id'),
    columns: {
      id: 'data',
      reference: 'data',
      type: 'data',
      correctionKinds: 'data',
      status: 'data',
      statusReason: 'dossier',
      requesterName: 'requester',
      requesterBirthDate: 'requester',
      requesterAddress: 'requester',
      requesterEmail: 'requester',
      requesterPhone: 'requester',
      requesterRelation: 'data',
      customerNumber: 'requester',
      legallyIncapacitated: 'requester',
      channel: 'data',
      receivedOn: 'data',
      writtenAndSigned: 'data',
      requestText: 'requester',
      representativeKind: 'data',
      representativeName: 'requester',
      representativeBasis: 'requester',
      handlerId: 'staff',
      createdBy: 'staff',
      createdAt: 'data',
      updatedAt: 'data',
      dueOn: 'data',
      originalDueOn: 'data',
      dueBasis: 'data',
      extensionMonths: 'data',
      extensionReason: 'dossier',
      extendedOn: 'data',
      suspendedDays: 'data',
      suspendedSince: 'data',
      changeVerificationMethod: 'data',
      changeVerificationOutcome: 'data',
      changeVerifiedBy: 'staff',
      changeVerifiedAt: 'data',
    },
    handover: { carried: true, key: 'case', order: [], shape: 'one', ifAbsent: false },
    // The register row stays until its own term, without anything personal.
    shred: {
      blank: {
        requesterName: '',
        requesterBirthDate: null,
        requesterAddress: null,
        requesterEmail: null,
        requesterPhone: null,
        customerNumber: null,
        legallyIncapacitated: 0,
        requestText: '',
        representativeName: null,
        representativeBasis: null,
        statusReason: null,
        extensionReason: null,
      },
    },
    destroy: 'delete',
    sync: 'pushed',
    // Who asked lives centrally in its own table, readable by the dpo and handlers only (db/central).
    central: {
      customerNumber: { table: 'cases', column: 'customer_number', cast: '' },
      requesterName: { table: 'case_requesters', column: 'name', cast: '' },
      requesterBirthDate: { table: 'case_requesters', column: 'birth_date', cast: 'date' },
      requesterAddress: { table: 'case_requesters', column: 'address', cast: '' },
      requesterEmail: { table: 'case_requesters', column: 'email', cast: '' },
      requesterPhone: { table: 'case_requesters', column: 'phone', cast: '' },
      requesterRelation: { table: 'case_requesters', column: 'relation', cast: '' },
      legallyIncapacitated: { table: 'case_requesters', column: 'legally_incapacitated', cast: 'boolean' },
      writtenAndSigned: { table: 'case_requesters', column: 'written_and_signed', cast: 'boolean' },
      requestText: { table: 'case_requesters', column: 'request_text', cast: '' },
      correctionKinds: { table: 'case_requesters', column: 'correction_kinds', cast: 'jsonb' },
      representativeKind: { table: 'case_requesters', column: 'representative_kind', cast: '' },
      representativeName: { table: 'case_requesters', column: 'representative_name', cast: '' },
      representativeBasis: { table: 'case_requesters', column: 'representative_basis', cast: '' },
    },
    localFile: false,
  }),
  part(caseTasks, 'case_tasks', {
    link: onCase(),
    columns: { id: 'data', caseId: 'data', kind: 'data', status: 'data', dueOn: 'data', thirdPartyId: 'data', createdAt: 'data', doneAt: 'data' },
    handover: { carried: true, key: 'tasks', order: ['created_at', 'id'], shape: 'rows', ifAbsent: true },
    shred: 'keep',
    destroy: 'delete',
    sync: 'local',
    localFile: false,
  }),
  part(caseKeys, 'case_keys', {
    link: onCase(),
    columns: { caseId: 'data', key: 'key', createdAt: 'data' },
    handover: { carried: false, why: 'rebuilt' },
    shred: 'delete',
    destroy: 'delete',
    sync: 'local',
    localFile: true,
  }),
  part(caseFiles, 'case_files', {
    link: onCase(),
    columns: {
      id: 'file',
      caseId: 'data',
      kind: 'data',
      subject: 'data',
      mime: 'data',
      size: 'data',
      width: 'data',
      height: 'data',
      sha256: 'data',
      masked: 'data',
      maskedBy: 'staff',
      maskedAt: 'data',
      wrappedKey: 'key',
      createdBy: 'staff',
      createdAt: 'data',
    },
    handover: { carried: true, key: 'files', order: ['created_at', 'id'], shape: 'rows', ifAbsent: false },
    shred: 'delete',
    destroy: 'delete',
    sync: 'local',
    localFile: true,
  }),
  part(identityChecks, 'identity_checks', {
    link: onCase(),
    columns: {
      id: 'data',
      caseId: 'data',
      subject: 'data',
      method: 'data',
      outcome: 'data',
      reason: 'dossier',
      documentType: 'data',
      issuingCountry: 'requester',
      documentNumberTail: 'requester',
      expiry: 'requester',
      checksPassed: 'data',
      authority: 'data',
      copiesDestroyed: 'data',
      verifiedBy: 'staff',
      verifiedAt: 'data',
    },
    handover: { carried: true, key: 'identityChecks', order: ['verified_at', 'id'], shape: 'rows', ifAbsent: false },
    shred: 'delete',
    destroy: 'delete',
    sync: 'local',
    localFile: true,
  }),
  part(documents, 'documents', {
    link: onCase(),
    columns: {
      id: 'data',
      caseId: 'data',
      parentId: 'data',
      fileId: 'file',
      pdfFileId: 'file',
      name: 'dossier',
      format: 'data',
      source: 'data',
      documentDate: 'data',
      description: 'dossier',
      sha256: 'data',
      pages: 'data',
      ocrPages: 'data',
      createdBy: 'staff',
      createdAt: 'data',
    },
    handover: { carried: true, key: 'documents', order: ['created_at', 'id'], shape: 'rows', ifAbsent: false },
    shred: 'delete',
    destroy: 'delete',
    sync: 'local',
    localFile: true,
  }),
  part(thirdParties, 'third_parties', {
    link: onCase(),
    columns: {
      id: 'data',
      caseId: 'data',
      name: 'thirdParty',
      address: 'thirdParty',
      email: 'thirdParty',
      phone: 'thirdParty',
      role: 'thirdParty',
      hearingStatus: 'data',
      note: 'dossier',
      documentIds: 'data',
      createdAt: 'data',
      updatedAt: 'data',
    },
    handover: { carried: true, key: 'thirdParties', order: ['created_at', 'id'], shape: 'rows', ifAbsent: false },
    shred: 'delete',
    destroy: 'delete',
    sync: 'local',
    localFile: true,
  }),
  part(redactedVersions, 'redacted_versions', {
    link: { kind: 'parent', column: 'document_id', parent: 'documents', parentColumn: 'case_id' },
    columns: {
      id: 'data',
      documentId: 'data',
      fileId: 'file',
      boxes: 'data',
      thirdPartyIds: 'data',
      terms: 'thirdParty',
      createdBy: 'staff',
      createdAt: 'data',
    },
    handover: { carried: true, key: 'redactedVersions', order: ['created_at', 'id'], shape: 'rows', ifAbsent: false },
    shred: 'delete',
    destroy: 'delete',
    sync: 'local',
    localFile: true,
  }),
  part(sourceSearches, 'source_searches', {
    link: onCase(),
    columns: { id: 'data', caseId: 'data', activityId: 'data', system: 'data', found: 'data', note: 'dossier', searchedBy: 'staff', searchedAt: 'data' },
    handover: { carried: true, key: 'sourceSearches', order: ['searched_at', 'id'], shape: 'rows', ifAbsent: false, mayBeAbsent: true },
    shred: 'delete',
    destroy: 'delete',
    sync: 'local',
    localFile: true,
  }),
  part(datasets, 'datasets', {
    link: onCase(),
    columns: {
      id: 'data',
      caseId: 'data',
      fileId: 'file',
      name: 'dossier',
      format: 'data',
      activityId: 'data',
      system: 'data',
      columns: 'data',
      rows: 'data',
      createdBy: 'staff',
      createdAt: 'data',
    },
    handover: { carried: true, key: 'datasets', order: ['created_at', 'id'], shape: 'rows', ifAbsent: false, mayBeAbsent: true },
    shred: 'delete',
    destroy: 'delete',
    sync: 'local',
    localFile: true,
  }),
  part(letters, 'letters', {
    link: onCase(),
    columns: {
      id: 'data',
      caseId: 'data',
      kind: 'data',
      status: 'data',
      data: 'requester',
      content: 'requester',
      outcome: 'data',
      authorIds: 'staffList',
      draftedBy: 'staff',
      draftedAt: 'data',
      updatedAt: 'data',
      submittedAt: 'data',
      returnedBy: 'staff',
      returnComment: 'dossier',
      signedBy: 'staff',
      signedAt: 'data',
      sha256: 'data',
      fileId: 'file',
      fileKey: 'key',
      fileSize: 'data',
      sentOn: 'data',
      sentBy: 'staff',
    },
    handover: { carried: true, key: 'letters', order: ['drafted_at', 'id'], shape: 'rows', ifAbsent: false },
    // Letters keep their kind, dates, outcome and hash (the register); their PDF's key, text and addressee go.
    shred: {
      blank: {
        fileKey: null,
        returnComment: null,
        data: sql`'{}'`,
        content: sql`json_object('kind', kind, 'title', '', 'addressee', json_object('name', '', 'lines', json_array()),
                                 'reference', json_object('ourReference', '', 'date', coalesce(sent_on, ''), 'yourLetterOf', NULL, 'subject', ''),
                                 'salutation', '', 'blocks', json_array(), 'closing', '', 'signatory', json_object('organisation', '', 'placeholder', ''))`,
      },
    },
    destroy: 'delete',
    sync: 'pushed',
    localFile: true,
  }),
  part(decisions, 'decisions', {
    link: onCase(),
    columns: { id: 'data', caseId: 'data', letterId: 'data', kind: 'data', outcome: 'data', decidedOn: 'data', signedBy: 'staff', createdAt: 'data' },
    handover: { carried: true, key: 'decisions', order: ['created_at', 'id'], shape: 'rows', ifAbsent: false },
    shred: 'keep',
    destroy: 'delete',
    sync: 'pushed',
    localFile: false,
  }),
  part(caseActivities, 'case_activities', {
    link: onCase(),
    columns: { caseId: 'data', activityId: 'data' },
    // The bundle carries the ticked ids and the register entries they name (activities, activityIds).
    handover: { carried: true, key: 'activityIds', order: ['activity_id'], shape: 'activityIds', ifAbsent: true },
    shred: 'keep',
    destroy: 'delete',
    sync: 'local',
    localFile: false,
  }),
  part(caseRetention, 'case_retention', {
    link: onCase(),
    columns: { caseId: 'data', closedAt: 'data', shreddedAt: 'data', thirdPartiesHeard: 'data', redactedDocuments: 'data' },
    handover: { carried: true, key: 'retention', order: [], shape: 'oneOrNone', ifAbsent: true },
    shred: 'keep',
    destroy: 'delete',
    sync: 'pushed',
    localFile: false,
  }),
  part(legalHolds, 'legal_holds', {
    link: onCase(),
    columns: {
      id: 'data',
      caseId: 'data',
      kind: 'data',
      reason: 'note',
      placedBy: 'staff',
      placedAt: 'data',
      liftedBy: 'staff',
      liftedAt: 'data',
      liftReason: 'note',
    },
    handover: { carried: true, key: 'holds', order: ['placed_at', 'id'], shape: 'rows', ifAbsent: false },
    shred: 'keep',
    destroy: 'delete',
    sync: 'pushed',
    localFile: false,
  }),
  part(centralLetters, 'central_letters', {
    link: onCase(),
    columns: { id: 'data', caseId: 'data', kind: 'data', signedAt: 'data', sha256: 'data', pulledAt: 'data' },
    handover: { carried: false, why: 'rebuilt' },
    shred: 'keep',
    destroy: 'delete',
    sync: 'pulled',
    localFile: false,
  }),
  part(outbox, 'outbox', {
    link: { kind: 'payload', field: 'caseId' },
    columns: { id: 'data', kind: 'data', payload: 'data', createdAt: 'data', sentAt: 'data', refusedReason: 'data' },
    // Unsent decisions and letters travel: the new desktop sends them (same ids, so a resend is harmless).
    handover: {
      carried: true,
      key: 'outbox',
      order: ['created_at', 'id'],
      shape: 'rows',
      ifAbsent: true,
      only: "sent_at IS NULL AND kind IN ('decision', 'letter')",
    },
    shred: 'keep',
    // Sent entries are what retention reads; a confirmed handover drops the unsent ones (they travelled).
    destroy: 'keep',
    sync: 'pushed',
    localFile: false,
  }),
  part(destructionListItems, 'destruction_list_items', {
    link: onCase(),
    columns: {
      listId: 'data',
      caseId: 'data',
      kind: 'data',
      reference: 'data',
      requestType: 'data',
      closedOn: 'data',
      destroyOn: 'data',
      removedBy: 'staff',
      removedAt: 'data',
      removeReason: 'note',
    },
    handover: { carried: false, why: 'stays' },
    shred: 'keep',
    destroy: 'keep',
    sync: 'local',
    localFile: false,
  }),
  part(destructionRecords, 'destruction_records', {
    link: onCase(),
    columns: {
      id: 'data',
      caseId: 'data',
      kind: 'data',
      reference: 'data',
      requestType: 'data',
      receivedOn: 'data',
      closedOn: 'data',
      destroyedOn: 'data',
      approvedBy: 'staff',
      listId: 'data',
    },
    handover: { carried: false, why: 'stays' },
    shred: 'keep',
    destroy: 'keep',
    sync: 'pushed',
    localFile: false,
  }),
  part(handoverExports, 'handover_exports', {
    link: onCase(),
    columns: { id: 'data', caseId: 'data', bundleSha256: 'data', exportedBy: 'staff', exportedAt: 'data', confirmedAt: 'data' },
    handover: { carried: false, why: 'stays' },
    shred: 'keep',
    destroy: 'keep',
    sync: 'pulled',
    localFile: false,
  }),
  // The encrypted full-text index over the register (db/local/migrations/0003): rebuilt from the case row.
  {
    name: 'case_search',
    table: undefined,
    link: onCase(),
    columns: { case_id: 'data', reference: 'data', requester_name: 'requester', customer_number: 'requester' },
    sqlNames: {},
    handover: { carried: false, why: 'rebuilt' },
    shred: { blank: { requester_name: '', customer_number: '' } },
    destroy: 'delete',
    sync: 'local',
    localFile: false,
  },
  // The index row's integer key per case (db/local/migrations/0022), written with it.
  {
    name: 'case_search_keys',
    table: undefined,
    link: onCase(),
    columns: { id: 'data', case_id: 'data' },
    sqlNames: {},
    handover: { carried: false, why: 'rebuilt' },
    shred: 'keep',
    destroy: 'delete',
    sync: 'local',
    localFile: false,
  },
];

export function casePart(name: string): CasePart {
  const found = CASE_PARTS.find((p) => p.name === name);
  if (!found) throw new Error(`no case part ${name}`);
  return found;
}

/** `WHERE` condition selecting a part's rows of one case. */
export function rowsOfCase(part: CasePart, caseId: string): SQL {
  const { link } = part;
  switch (link.kind) {
    case 'column':
      return sql`${sql.identifier(link.column)} = ${caseId}`;
    case 'parent':
      return sql`${sql.identifier(link.column)} IN (SELECT id FROM ${sql.identifier(link.parent)} WHERE ${sql.identifier(link.parentColumn)} = ${caseId})`;
    case 'payload':
      return sql`json_extract(payload, ${`$.${link.field}`}) = ${caseId}`;
  }
}

/** SQL columns of a part with one of the roles. */
export function columnsWithRole(part: CasePart, roles: readonly ColumnRole[]): string[] {
  return Object.entries(part.columns)
    .filter(([, role]) => roles.includes(role))
    .map(([column]) => column);
}

/** JS property names (drizzle) of a part's columns with one of the roles. */
export function propertiesWithRole(part: CasePart, roles: readonly ColumnRole[]): string[] {
  const wanted = new Set(columnsWithRole(part, roles));
  return Object.entries(part.sqlNames)
    .filter(([, column]) => wanted.has(column))
    .map(([key]) => key);
}

/** The case row's columns the sync sends to (and reads back from) one central table, in a fixed order. */
export function centralColumns(table: CentralColumn['table']): { property: string; column: string; cast: CentralColumn['cast'] }[] {
  return Object.entries(casePart('cases').central ?? {})
    .filter(([, c]) => c.table === table)
    .map(([property, c]) => ({ property, column: c.column, cast: c.cast }));
}
