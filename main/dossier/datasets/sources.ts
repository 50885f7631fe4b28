import { randomUUID } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import type { LocalDb } from '../../../db/local/database.js';
import { findCaseFile, insertCaseFile, newCaseFile } from '../../../db/local/cases/case-files.js';
import { handlerNames, type CaseRow } from '../../../db/local/cases/repository.js';
import { datasets, sourceSearches } from '../../../db/local/dossier/schema.js';
import {
  DatasetError,
  MAX_DATASET_BYTES,
  parseCsv,
  parseJsonDataset,
  redactDataset,
  type Dataset,
  type DatasetFormat,
} from '../../../shared/dossier/datasets.js';
import type { CallContext } from '../../platform/call-context.js';
import { assertAssignedHandler, assertCanSeeContent } from '../../cases/case-access.js';
import { CaseScopedService } from '../../cases/case-scoped.js';
import type { CaseVault } from '../../platform/case-vault.js';
import { thirdPartiesOf } from '../dossier.js';
import { DomainError } from '../../platform/errors.js';
import type { RegisterService } from '../../letters/register.js';
import type { Vault } from '../../platform/vault.js';
import { parseXlsx } from './xlsx.js';

type DatasetRow = typeof datasets.$inferSelect;

export interface SourceCheck {
  activityId: string;
  system: string;
  /** The latest search of this system for the case, or null when nobody looked yet. */
  searched: { found: boolean; note: string; by: string; byName: string; at: string } | null;
}

export interface DatasetView {
  id: string;
  name: string;
  format: DatasetFormat;
  system: string;
  activityId: string | null;
  columns: number;
  rows: number;
  createdAt: string;
}

const FORMAT_OF: Record<string, DatasetFormat> = { csv: 'csv', txt: 'csv', json: 'json', xlsx: 'xlsx' };

/** A structured export as a table: XLSX in the main process, CSV and JSON by the pure parsers. */
export function readDataset(format: DatasetFormat, bytes: Uint8Array): Dataset {
  try {
    if (format === 'xlsx') return parseXlsx(bytes);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return format === 'csv' ? parseCsv(text) : parseJsonDataset(text);
  } catch (error) {
    if (error instanceof DatasetError) throw new DomainError('VALIDATION', error.dutchMessage);
    if (error instanceof TypeError) throw new DomainError('VALIDATION', 'Het bestand is geen UTF-8-tekst. Sla de export op als UTF-8 en lees hem opnieuw in.');
    throw error;
  }
}

export function datasetsOf(db: LocalDb, caseId: string): DatasetRow[] {
  return db.select().from(datasets).where(eq(datasets.caseId, caseId)).orderBy(asc(datasets.createdAt)).all();
}

/**
 * Per case: where the handler looked for the requester's data (the systems of the processing
 * register, "gezocht in"), and the structured exports taken from them. Both are case content:
 * the dpo and the assigned handler see them, only the assigned handler records them.
 */
export class SourcesService extends CaseScopedService {
  constructor(
    vault: Vault,
    caseVault: CaseVault,
    private readonly register: RegisterService,
  ) {
    super(vault, caseVault);
  }

  private readable(ctx: CallContext, caseId: string): CaseRow {
    const row = this.caseRow(ctx, caseId);
    assertCanSeeContent(ctx.requireSession(), row);
    return row;
  }

  private writable(ctx: CallContext, caseId: string): CaseRow {
    const row = this.caseRow(ctx, caseId);
    assertAssignedHandler(ctx.requireSession(), row);
    return row;
  }

  /** Every active system of the register, with the latest search of it for this case (and systems searched that left the register since). */
  checklist(ctx: CallContext, caseId: string): SourceCheck[] {
    const row = this.readable(ctx, caseId);
    const searches = this.db.select().from(sourceSearches).where(eq(sourceSearches.caseId, row.id)).orderBy(desc(sourceSearches.searchedAt)).all();
    const latest = new Map<string, (typeof searches)[number]>();
    for (const s of searches) if (!latest.has(s.activityId)) latest.set(s.activityId, s);
    const systems = this.register.list({ includeInactive: false }).map((a) => ({ activityId: a.id, system: a.name }));
    for (const s of latest.values()) if (!systems.some((x) => x.activityId === s.activityId)) systems.push({ activityId: s.activityId, system: s.system });
    const names = handlerNames(this.db);
    return systems.map(({ activityId, system }) => {
      const s = latest.get(activityId);
      return {
        activityId,
        system,
        searched: s ? { found: s.found, note: s.note, by: s.searchedBy, byName: names.get(s.searchedBy) ?? '', at: s.searchedAt } : null,
      };
    });
  }

  recordSearch(ctx: CallContext, input: { caseId: string; activityId: string; found: boolean; note: string }): SourceCheck[] {
    const row = this.writable(ctx, input.caseId);
    const activity = this.register.list({ includeInactive: false }).find((a) => a.id === input.activityId);
    if (!activity) throw new DomainError('VALIDATION', 'Kies een systeem dat in het verwerkingsregister staat.');
    const session = ctx.requireSession();
    ctx.commit((db) =>
      db
        .insert(sourceSearches)
        .values({
          id: randomUUID(),
          caseId: row.id,
          activityId: activity.id,
          system: activity.name,
          found: input.found,
          note: input.note,
          searchedBy: session.staffId,
          searchedAt: ctx.now.toISOString(),
        })
        .run(),
    );
    return this.checklist(ctx, row.id);
  }

  list(ctx: CallContext, caseId: string): DatasetView[] {
    const row = this.readable(ctx, caseId);
    return datasetsOf(this.db, row.id).map(view);
  }

  /** Reads the export to check it is a table within the limits, then keeps the original encrypted, like every case file. */
  importDataset(ctx: CallContext, input: { caseId: string; fileName: string; dataBase64: string; activityId: string }): DatasetView {
    const row = this.writable(ctx, input.caseId);
    const session = ctx.requireSession();
    const activity = this.register.list({ includeInactive: false }).find((a) => a.id === input.activityId);
    if (!activity) throw new DomainError('VALIDATION', 'Kies het systeem uit het verwerkingsregister waar de export vandaan komt.');
    const extension = /\.([a-z0-9]+)$/iu.exec(input.fileName)?.[1]?.toLowerCase() ?? '';
    const format = FORMAT_OF[extension];
    if (!format) throw new DomainError('VALIDATION', 'Lees een export in als CSV, JSON of Excel (XLSX).');
    const bytes = Buffer.from(input.dataBase64, 'base64');
    if (bytes.length > MAX_DATASET_BYTES) throw new DomainError('VALIDATION', 'De export is groter dan 10 MB. Maak hem kleiner of splits hem.');
    const table = readDataset(format, bytes);
    const at = ctx.now.toISOString();
    const dataset: DatasetRow = {
      id: randomUUID(),
      caseId: row.id,
      fileId: randomUUID(),
      name: input.fileName,
      format,
      activityId: activity.id,
      system: activity.name,
      columns: table.columns.length,
      rows: table.rows.length,
      createdBy: session.staffId,
      createdAt: at,
    };
    ctx.commit((db) => {
      const caseKey = this.caseVault.caseKey(db, row.id, at);
      const stored = this.caseVault.write(caseKey, row.id, dataset.fileId, bytes);
      const mime = format === 'csv' ? 'text/csv' : format === 'json' ? 'application/json' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      insertCaseFile(db, newCaseFile({ id: dataset.fileId, caseId: row.id, kind: 'dataset', mime, createdBy: session.staffId, createdAt: at }, stored));
      db.insert(datasets).values(dataset).run();
    });
    ctx.setRecord(row.id);
    return view(dataset);
  }

  /**
   * The case's data sets as they may leave the building: each read from its encrypted file, every
   * cell naming a third party who did not consent (or was not heard) replaced by "[gelakt]".
   */
  released(caseRow: CaseRow): { row: DatasetRow; dataset: Dataset; redactedCells: number }[] {
    const hidden = thirdPartiesOf(this.db, caseRow.id)
      // Only who consented may be seen; who is still to be heard is hidden too, as in documents.
      .filter((p) => p.hearingStatus !== 'toestemming')
      .map((p) => ({ name: p.name, address: p.address, email: p.email, phone: p.phone }));
    const requester = {
      name: caseRow.requesterName,
      address: caseRow.requesterAddress,
      email: caseRow.requesterEmail,
      phone: caseRow.requesterPhone,
      customerNumber: caseRow.customerNumber,
    };
    return datasetsOf(this.db, caseRow.id).map((row) => {
      const file = findCaseFile(this.db, caseRow.id, row.fileId);
      if (!file) throw new DomainError('STORE_UNREADABLE', 'Een bestand uit het dossier ontbreekt op deze computer.');
      const redacted = redactDataset(readDataset(row.format, this.caseVault.read(this.db, file)), hidden, requester);
      return { row, ...redacted };
    });
  }
}

function view(row: DatasetRow): DatasetView {
  return {
    id: row.id,
    name: row.name,
    format: row.format,
    system: row.system,
    activityId: row.activityId,
    columns: row.columns,
    rows: row.rows,
    createdAt: row.createdAt,
  };
}
