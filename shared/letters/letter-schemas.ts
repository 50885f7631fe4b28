import { z } from 'zod';
import { ACCESS_REFUSAL_GROUNDS } from './data.js';
import { DEFAULT_DPO } from './letterhead.js';
import { LETTER_KINDS, PARTS } from './types.js';
import { SLOTS, VARIANTS } from './template-types.js';
import { isoDateSchema } from '../cases/case-schemas.js';

/** Schemas of the letters API: drafting, four-eyes signing, templates, letterhead, the register. */
export const letterKindSchema = z.enum(LETTER_KINDS);
export const letterStatusSchema = z.enum(['concept', 'ter_ondertekening', 'ondertekend', 'verzonden']);

const line = (max: number) => z.string().trim().min(1).max(max);
const longText = z.string().trim().min(1).max(10_000);
const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil((maxBytes * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/u, 'is geen geldige bestandsinhoud');

/** A block keeps the required part it was generated for through an edit (check.ts). */
const part = { part: z.enum(Object.keys(PARTS) as [keyof typeof PARTS]).optional() };
export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: longText, ...part }).strict(),
  z.object({ type: z.literal('heading'), text: line(300), ...part }).strict(),
  z.object({ type: z.literal('list'), items: z.array(line(5000)).min(1).max(100), ...part }).strict(),
  z
    .object({ type: z.literal('table'), columns: z.array(line(200)).min(1).max(6), rows: z.array(z.array(z.string().max(5000)).max(6)).max(200), ...part })
    .strict(),
  z
    .object({
      type: z.literal('fields'),
      fields: z
        .array(z.object({ label: line(200), value: z.string().max(5000) }).strict())
        .min(1)
        .max(50),
      ...part,
    })
    .strict(),
]);

export const letterContentSchema = z.object({
  kind: letterKindSchema,
  title: z.string(),
  addressee: z.object({ name: z.string(), lines: z.array(z.string()) }),
  reference: z.object({ ourReference: z.string(), date: z.string(), yourLetterOf: z.string().nullable(), subject: z.string() }),
  salutation: z.string(),
  blocks: z.array(blockSchema),
  closing: z.string(),
  requiredParts: z.array(z.enum(Object.keys(PARTS) as [keyof typeof PARTS])).optional(),
  signatory: z.object({ organisation: z.string(), placeholder: z.string() }),
});

/** What the handler may change in a draft before submitting it. */
export const letterTextSchema = z
  .object({
    subjectLine: line(300),
    salutation: line(300),
    blocks: z.array(blockSchema).min(1, 'Een brief heeft minstens één alinea.').max(300),
    closing: line(300),
    addressee: z
      .object({ name: line(200), lines: z.array(line(200)).min(1).max(6) })
      .strict()
      .optional(),
  })
  .strict();

const withheldSchema = z.array(z.object({ what: line(2000), why: line(2000) }).strict()).max(50);
const common = {
  addressee: z
    .object({ name: line(200), address: line(500) })
    .strict()
    .optional(),
};
const replyBy = { replyBy: isoDateSchema.optional() };
const reasons = z.string().trim().max(10_000).optional();

export const letterDataSchemas = {
  ontvangstbevestiging: z.object(common).strict(),
  'verzoek-om-identificatie': z.object({ ...common, ...replyBy }).strict(),
  'verzoek-om-aanvulling': z.object({ ...common, ...replyBy, missing: z.array(line(1000)).max(20).optional() }).strict(),
  'zienswijze-derde': z.object({ ...common, ...replyBy, thirdPartyId: z.uuid(), address: line(500) }).strict(),
  verlengingsbericht: z.object(common).strict(),
  'besluit-inzage': z.object({ ...common, withheld: withheldSchema.optional() }).strict(),
  'besluit-dataportabiliteit': z.object({ ...common, withheld: withheldSchema.optional() }).strict(),
  'besluit-correctie': z
    .object({
      ...common,
      outcome: z.enum(['toegewezen', 'deels', 'afgewezen']),
      changes: z
        .array(
          z
            .object({
              item: line(300),
              from: z.string().trim().max(2000).optional(),
              to: z.string().trim().max(2000).optional(),
              decision: z.enum(['doorgevoerd', 'afgewezen']),
            })
            .strict(),
        )
        .min(1, 'Vermeld minstens één gevraagde wijziging.')
        .max(100),
      reasons,
      recipientsInformed: z.array(line(300)).max(100).optional(),
      notInformed: z
        .object({ ground: z.enum(['onmogelijk', 'onevenredige_inspanning', 'niet_verstrekt']), explanation: line(2000) })
        .strict()
        .optional(),
    })
    .strict(),
  'besluit-verzet': z
    .object({
      ...common,
      outcome: z.enum(['toegewezen', 'deels', 'afgewezen']),
      processing: line(1000),
      reasons,
      circumstancesGiven: z.boolean().optional(),
      legalObligation: z.string().trim().max(2000).optional(),
    })
    .strict(),
  'beslissing-op-klacht': z
    .object({
      ...common,
      outcome: z.enum(['gegrond', 'deels_gegrond', 'ongegrond']),
      complaint: longText,
      reasons: longText,
      measures: z.string().trim().max(10_000).optional(),
    })
    .strict(),
  afwijzing: z.object({ ...common, ground: z.enum(['kennelijk_ongegrond', 'buitensporig']), reasons: longText }).strict(),
  'bevestiging-intrekking': z.object({ ...common, withdrawnOn: isoDateSchema }).strict(),
  'besluit-niet-ontvankelijk': z.object({ ...common, ground: z.enum(['identiteit', 'vormvereiste']), reasons: longText }).strict(),
  'besluit-geen-gegevens': z.object({ ...common, searched: z.array(line(300)).max(50).optional() }).strict(),
  'besluit-afwijzing-inzage': z
    .object({
      ...common,
      outcome: z.enum(['afgewezen', 'deels']),
      grounds: z
        .array(z.enum(Object.keys(ACCESS_REFUSAL_GROUNDS) as [keyof typeof ACCESS_REFUSAL_GROUNDS]))
        .min(1, 'Kies minstens één wettelijke grond.')
        .max(11),
      reasons: longText,
      withheld: withheldSchema.min(1, 'Vermeld wat u niet verstrekt en waarom.'),
    })
    .strict(),
  'besluit-verzet-direct-marketing': z.object({ ...common, processing: line(1000), stoppedOn: isoDateSchema.optional() }).strict(),
  'kennisgeving-ontvangers': z
    .object({
      ...common,
      recipient: line(200),
      address: line(500),
      changes: z
        .array(
          z.object({ item: line(300), action: z.enum(['verbeterd', 'aangevuld', 'gewist', 'beperkt']), to: z.string().trim().max(2000).optional() }).strict(),
        )
        .min(1, 'Vermeld minstens één gecorrigeerd gegeven.')
        .max(100),
    })
    .strict(),
  'klacht-termijn-verstreken': z.object({ ...common, decisionBy: isoDateSchema.optional() }).strict(),
} as const satisfies Record<(typeof LETTER_KINDS)[number], z.ZodType>;

const caseId = z.uuid();

/** `letter.draft`: the kind decides which data the letter needs; kinds that need nothing may omit it. */
export const letterDraftInput = z.discriminatedUnion('kind', [
  z.object({ caseId, kind: z.literal('ontvangstbevestiging'), data: letterDataSchemas.ontvangstbevestiging.default({}) }).strict(),
  z.object({ caseId, kind: z.literal('verzoek-om-identificatie'), data: letterDataSchemas['verzoek-om-identificatie'].default({}) }).strict(),
  z.object({ caseId, kind: z.literal('verzoek-om-aanvulling'), data: letterDataSchemas['verzoek-om-aanvulling'].default({}) }).strict(),
  z.object({ caseId, kind: z.literal('zienswijze-derde'), data: letterDataSchemas['zienswijze-derde'] }).strict(),
  z.object({ caseId, kind: z.literal('verlengingsbericht'), data: letterDataSchemas.verlengingsbericht.default({}) }).strict(),
  z.object({ caseId, kind: z.literal('besluit-inzage'), data: letterDataSchemas['besluit-inzage'].default({}) }).strict(),
  z.object({ caseId, kind: z.literal('besluit-dataportabiliteit'), data: letterDataSchemas['besluit-dataportabiliteit'].default({}) }).strict(),
  z.object({ caseId, kind: z.literal('besluit-correctie'), data: letterDataSchemas['besluit-correctie'] }).strict(),
  z.object({ caseId, kind: z.literal('besluit-verzet'), data: letterDataSchemas['besluit-verzet'] }).strict(),
  z.object({ caseId, kind: z.literal('beslissing-op-klacht'), data: letterDataSchemas['beslissing-op-klacht'] }).strict(),
  z.object({ caseId, kind: z.literal('afwijzing'), data: letterDataSchemas.afwijzing }).strict(),
  z.object({ caseId, kind: z.literal('bevestiging-intrekking'), data: letterDataSchemas['bevestiging-intrekking'] }).strict(),
  z.object({ caseId, kind: z.literal('besluit-niet-ontvankelijk'), data: letterDataSchemas['besluit-niet-ontvankelijk'] }).strict(),
  z.object({ caseId, kind: z.literal('besluit-geen-gegevens'), data: letterDataSchemas['besluit-geen-gegevens'].default({}) }).strict(),
  z.object({ caseId, kind: z.literal('besluit-afwijzing-inzage'), data: letterDataSchemas['besluit-afwijzing-inzage'] }).strict(),
  z.object({ caseId, kind: z.literal('besluit-verzet-direct-marketing'), data: letterDataSchemas['besluit-verzet-direct-marketing'] }).strict(),
  z.object({ caseId, kind: z.literal('kennisgeving-ontvangers'), data: letterDataSchemas['kennisgeving-ontvangers'] }).strict(),
  z.object({ caseId, kind: z.literal('klacht-termijn-verstreken'), data: letterDataSchemas['klacht-termijn-verstreken'].default({}) }).strict(),
]);

export const letterRef = z.object({ letterId: z.uuid() }).strict();

export const letterSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  kind: letterKindSchema,
  status: letterStatusSchema,
  subject: z.string(),
  draftedBy: z.string().nullable(),
  draftedAt: z.string(),
  submittedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  sha256: z.string().nullable(),
  sentOn: z.string().nullable(),
  /** Whether the caller may sign it: a signer who is not one of its authors. */
  maySign: z.boolean(),
});

export const letterDetailSchema = letterSummarySchema.extend({
  content: letterContentSchema,
  /** Problems that block submitting (missing statements after an edit); empty when it may go. */
  problems: z.array(z.string()),
  pdfBase64: z.string(),
  /** Pages of that PDF, for the signer's confirmation. */
  pages: z.number().int().nonnegative(),
});

export const letterKindInfoSchema = z.object({ kind: letterKindSchema, label: z.string(), decision: z.boolean(), caseTypes: z.array(z.string()).nullable() });

const when = {
  when: z
    .array(z.enum(Object.keys(VARIANTS) as [keyof typeof VARIANTS]))
    .max(20)
    .optional(),
};
const templateBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: longText, ...when }).strict(),
  z.object({ type: z.literal('heading'), text: line(300), ...when }).strict(),
  z.object({ type: z.literal('list'), items: z.array(line(5000)).min(1).max(50), ...when }).strict(),
  z.object({ type: z.literal('slot'), slot: z.enum(Object.keys(SLOTS) as [keyof typeof SLOTS]), ...when }).strict(),
]);

export const letterTemplateSchema = z
  .object({ kind: letterKindSchema, subject: line(300), salutation: line(300), blocks: z.array(templateBlockSchema).min(1).max(200), closing: line(300) })
  .strict();

export const templateViewSchema = z.object({
  kind: letterKindSchema,
  template: letterTemplateSchema,
  customised: z.boolean(),
  updatedAt: z.string().nullable(),
});

export const letterheadSchema = z
  .object({
    name: line(200),
    postalAddress: z.array(line(200)).min(1).max(4),
    visitingAddress: z.string().trim().max(300),
    phone: z.string().trim().max(40),
    email: z.string().trim().max(254),
    kvk: z
      .string()
      .trim()
      .regex(/^\d{8}$/u, 'is een KvK-nummer van acht cijfers'),
    place: line(100),
    /** The FG named in every decision; letterheads saved before it existed get the defaults. */
    dpo: z
      .object({ name: line(200), email: z.string().trim().max(254), phone: z.string().trim().max(40), address: z.string().trim().max(300) })
      .strict()
      .default(DEFAULT_DPO),
    /** PNG, at most 1 MB. */
    logoPngBase64: base64(1024 * 1024).nullable(),
  })
  .strict();

export const signingInfoSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  /** SHA-256 of the certificate, hex, to compare with what IT handed over. */
  fingerprint: z.string(),
  configuredAt: z.string(),
});

export const setSigningInput = z.object({ p12Base64: base64(256 * 1024).min(1), password: z.string().max(1024) }).strict();

export const signerProfileInput = z
  .object({
    functionTitle: line(200),
    signaturePngBase64: base64(512 * 1024)
      .nullable()
      .optional(),
  })
  .strict();

export const recipientSchema = z.object({ name: z.string().trim().max(200).nullable(), category: line(300) }).strict();

export const processingActivitySchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/u, 'bestaat uit kleine letters, cijfers en streepjes'),
    name: line(200),
    purpose: line(2000),
    legalBasis: line(2000),
    dataCategories: z.array(line(300)).min(1).max(50),
    recipients: z.array(recipientSchema).max(50),
    transfersOutsideEea: line(1000),
    retention: line(2000),
    source: line(1000),
    policyReference: z.string().trim().max(100),
    sortOrder: z.number().int().min(0).max(100_000),
    automatedDecision: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();

export const packageSchema = z.object({
  fileName: z.string(),
  zipBase64: z.string(),
  files: z.array(z.object({ path: z.string(), sha256: z.string(), size: z.number().int() })),
});
