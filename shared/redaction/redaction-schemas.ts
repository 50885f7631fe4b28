import { z } from 'zod';
import { DETECTOR_KINDS } from './detectors.js';
import { ERROR_CODES } from '../api/result.js';

/** Whether a page has usable text: text, none (a scan), blank, unreadable (glyphs that map to nothing or lie). */
export const TEXT_LAYERS = ['text', 'none', 'blank', 'unreadable'] as const;

/** A box to redact, in PDF user space of its page (points, origin bottom-left). */
export const redactionSchema = z
  .object({
    page: z.number().int().min(0).max(1999),
    x: z.number().finite(),
    y: z.number().finite(),
    width: z.number().positive().max(20_000),
    height: z.number().positive().max(20_000),
    reason: z.string().trim().min(1).max(80).default('art. 15 lid 4 AVG'),
    source: z.enum(['term', 'pattern', 'manual']).default('manual'),
    text: z.string().max(500).default(''),
    kind: z.enum(DETECTOR_KINDS).optional(),
  })
  .strict();

export const suggestInput = z
  .object({
    caseId: z.uuid(),
    documentId: z.uuid(),
    terms: z.array(z.string().trim().min(2).max(200)).max(50).default([]),
    patterns: z.array(z.enum(DETECTOR_KINDS)).max(DETECTOR_KINDS.length).default([]),
    thirdPartyIds: z.array(z.uuid()).max(200).default([]),
    /**
     * Identifiers of the requester the case does not keep (a BSN may not be stored for this, and an
     * IBAN rarely is): used for this search only, so their own data is recognised as theirs.
     */
    requester: z
      .object({ iban: z.string().trim().max(40).optional(), bsn: z.string().trim().max(20).optional() })
      .strict()
      .default({}),
  })
  .strict();

/** Whose data a finding is: a third party in the register, the requester (their own data), or not known. */
export const WHOSE = ['third_party', 'requester', 'unknown'] as const;

const matrix = z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]);

export const suggestOutput = z.object({
  /** Page sizes as shown, and the matrix from PDF user space to the shown page (top-left origin). */
  pages: z.array(
    z.object({
      page: z.number().int(),
      width: z.number(),
      height: z.number(),
      toView: matrix,
      annotations: z.number().int(),
      /** Whether the page has usable text: none (a scan), blank, unreadable (glyphs that map to nothing or lie), text. */
      layer: z.enum(TEXT_LAYERS),
      /** Why the page was read by OCR ("geen tekstlaag; OCR gebruikt"), or null. */
      ocr: z.string().nullable(),
    }),
  ),
  suggestions: z.array(
    z.object({
      page: z.number().int(),
      x: z.number(),
      y: z.number(),
      width: z.number(),
      height: z.number(),
      reason: z.string(),
      source: z.enum(['term', 'pattern', 'manual']),
      text: z.string(),
      kind: z.enum(DETECTOR_KINDS).optional(),
      whose: z.enum(WHOSE),
      thirdPartyId: z.string().optional(),
      /** "M. Brinkhorst": the third party, named short. */
      whoseLabel: z.string().optional(),
      /** False where the handler must choose: the requester's own data in an access or portability request. */
      preAccepted: z.boolean(),
    }),
  ),
});

export const searchAllInput = z
  .object({
    caseId: z.uuid(),
    terms: z.array(z.string().trim().min(2).max(200)).max(20).default([]),
    /** Third parties to search for in every way they are written. */
    thirdPartyIds: z.array(z.uuid()).max(200).default([]),
  })
  .strict()
  .refine((v) => v.terms.length + v.thirdPartyIds.length > 0, 'Kies een derde of geef een zoekterm.');

export const searchAllOutput = z.array(
  z.object({
    documentId: z.string(),
    name: z.string(),
    occurrences: z.number().int(),
    /** A redacted version exists. */
    redacted: z.boolean(),
    /** The latest redacted version leaves nothing of the search readable (and covers every chosen third party). */
    covered: z.boolean(),
    /** What is still readable in the latest redacted version, or in the original where none exists. */
    readable: z.array(z.string()),
  }),
);

/** A mention of a third party that the boxes leave readable. */
export const readableSchema = z.object({ thirdPartyId: z.string(), page: z.number().int(), text: z.string() });

/** How a document was read: per page whether it has text and whether OCR read it. */
export const pageReadingSchema = z.object({ page: z.number().int(), layer: z.enum(TEXT_LAYERS), ocr: z.string().nullable() });

export const readJobViewSchema = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: z.number(),
  message: z.string(),
  result: z.object({ pages: z.array(pageReadingSchema) }).nullable(),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.array(z.string()).optional(), correlationId: z.string().optional() }).nullable(),
});

export const jobViewSchema = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: z.number(),
  message: z.string(),
  result: z
    .object({ redactedVersionId: z.string(), boxes: z.number().int(), thirdPartyIds: z.array(z.string()), readable: z.array(readableSchema) })
    .nullable(),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.array(z.string()).optional(), correlationId: z.string().optional() }).nullable(),
});
