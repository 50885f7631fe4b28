import { PDFDocument } from 'pdf-lib';
import type { z } from 'zod';
import type { LocalDb } from '../../db/local/database.js';
import { allTemplates, deleteTemplate, findSignerProfile, findTemplate, saveSignerProfile, saveTemplate } from '../../db/local/letters/repository.js';
import { readSetting, writeSetting } from '../../db/local/settings/repository.js';
import { type letterTemplateSchema, type templateViewSchema } from '../../shared/letters/letter-schemas.js';
import { type Letterhead } from '../../shared/letters/letterhead.js';
import type { LetterTemplate } from '../../shared/letters/template-types.js';
import { checkTemplate, DEFAULT_TEMPLATES } from '../../shared/letters/templates.js';
import { LETTER_KINDS, type LetterKind } from '../../shared/letters/types.js';
import type { CallContext } from '../platform/call-context.js';
import type { Vault } from '../platform/vault.js';
import { DomainError } from '../platform/errors.js';

/** The letterhead from the settings, or the policy's defaults (§2). */
export function letterheadOf(db: LocalDb): Letterhead {
  return readSetting(db, 'letterhead');
}

/** The template a letter kind uses now: the admin's, or the default. */
export function templateOf(db: LocalDb, kind: LetterKind): LetterTemplate {
  return findTemplate(db, kind)?.template ?? DEFAULT_TEMPLATES[kind];
}

/** A PNG that pdf-lib can place, or a Dutch refusal. Checked on upload, so signing never fails on it. */
async function assertPng(bytes: Buffer, what: string): Promise<void> {
  try {
    const pdf = await PDFDocument.create();
    const image = await pdf.embedPng(bytes);
    if (image.width < 1 || image.height < 1 || image.width * image.height > 4096 * 4096) throw new Error('size');
  } catch (error) {
    throw new DomainError('VALIDATION', `${what} moet een PNG-afbeelding zijn (hoogstens 4096 × 4096 pixels).`, { cause: error });
  }
}

/** Letterhead, templates and signers' signature blocks: what Beheer and the signers set. */
export class LetterSettings {
  constructor(private readonly vault: Vault) {}

  private get db(): LocalDb {
    return this.vault.open.db;
  }

  letterhead(): Letterhead {
    return letterheadOf(this.db);
  }

  async setLetterhead(ctx: CallContext, input: Letterhead): Promise<Letterhead> {
    ctx.setRecord('letterhead');
    if (input.logoPngBase64) await assertPng(Buffer.from(input.logoPngBase64, 'base64'), 'Het logo');
    ctx.commit((db) => writeSetting(db, 'letterhead', input, ctx.now.toISOString()));
    return input;
  }

  templates(): z.output<typeof templateViewSchema>[] {
    const custom = new Map(allTemplates(this.db).map((t) => [t.kind, t]));
    return LETTER_KINDS.map((kind) => {
      const row = custom.get(kind);
      return { kind, template: row?.template ?? DEFAULT_TEMPLATES[kind], customised: row !== undefined, updatedAt: row?.updatedAt ?? null };
    });
  }

  setTemplate(ctx: CallContext, template: z.output<typeof letterTemplateSchema>): z.output<typeof templateViewSchema> {
    ctx.setRecord(`template:${template.kind}`);
    const problems = checkTemplate(template.kind, template);
    if (problems.length > 0) throw new DomainError('VALIDATION', 'De sjabloon kan zo niet worden bewaard.', { details: problems });
    const at = ctx.now.toISOString();
    ctx.commit((db) => saveTemplate(db, { kind: template.kind, template, updatedBy: ctx.requireSession().staffId, updatedAt: at }));
    return { kind: template.kind, template, customised: true, updatedAt: at };
  }

  resetTemplate(ctx: CallContext, kind: LetterKind): z.output<typeof templateViewSchema> {
    ctx.setRecord(`template:${kind}`);
    ctx.commit((db) => deleteTemplate(db, kind));
    return { kind, template: DEFAULT_TEMPLATES[kind], customised: false, updatedAt: null };
  }

  signerProfile(ctx: CallContext): { functionTitle: string; hasSignatureImage: boolean } | null {
    const row = findSignerProfile(this.db, ctx.requireSession().staffId);
    return row ? { functionTitle: row.functionTitle, hasSignatureImage: row.signaturePng !== null } : null;
  }

  /** A signer sets their own function and, optionally, a scanned signature. */
  async setSignerProfile(ctx: CallContext, input: { functionTitle: string; signaturePngBase64?: string | null | undefined }) {
    const staffId = ctx.requireSession().staffId;
    ctx.setRecord(staffId);
    const existing = findSignerProfile(this.db, staffId);
    let signaturePng = existing?.signaturePng ?? null;
    if (input.signaturePngBase64 === null) signaturePng = null;
    else if (input.signaturePngBase64) {
      signaturePng = Buffer.from(input.signaturePngBase64, 'base64');
      await assertPng(signaturePng, 'De handtekening');
    }
    ctx.commit((db) => saveSignerProfile(db, { staffId, functionTitle: input.functionTitle, signaturePng, updatedAt: ctx.now.toISOString() }));
    return { functionTitle: input.functionTitle, hasSignatureImage: signaturePng !== null };
  }
}
