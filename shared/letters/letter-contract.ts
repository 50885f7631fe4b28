import { z } from 'zod';
import type { ProcedureSpec } from '../api/contract.js';
import {
  letterDetailSchema,
  letterDraftInput,
  letterheadSchema,
  letterKindInfoSchema,
  letterKindSchema,
  letterRef,
  letterSummarySchema,
  letterTemplateSchema,
  letterTextSchema,
  packageSchema,
  processingActivitySchema,
  setSigningInput,
  signerProfileInput,
  signingInfoSchema,
  templateViewSchema,
  letterContentSchema,
} from './letter-schemas.js';
import { isoDateSchema } from '../cases/case-schemas.js';

/**
 * The letters procedures, spread into the contract in contract.ts. Letters are audited
 * as records of their case, so the case's timeline shows who drafted, signed and sent what.
 */
const empty = z.object({}).strict();
const caseRef = z.object({ caseId: z.uuid() }).strict();
const letterView = letterSummarySchema.extend({ content: letterContentSchema, problems: z.array(z.string()) });
const activityView = processingActivitySchema.extend({ active: z.boolean() });
const signerProfile = z.object({ functionTitle: z.string(), hasSignatureImage: z.boolean() });

function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}

export const letterProcedures = {
  'letter.kinds': procedure({ action: 'letter.read', audit: 'none', input: empty, output: z.array(letterKindInfoSchema) }),
  'letter.draft': procedure({ action: 'letter.draft', audit: 'write', record: 'case', input: letterDraftInput, output: letterSummarySchema }),
  'letter.list': procedure({ action: 'letter.read', audit: 'read', record: 'case', input: caseRef, output: z.array(letterSummarySchema) }),
  // What an open Brieven tab polls: a stamp of the letters the caller may read, no personal data, so
  // not audited, and passive, so a tab left open does not keep the session from locking.
  'letter.stamp': procedure({ action: 'letter.read', audit: 'none', passive: true, input: caseRef, output: z.object({ stamp: z.string() }) }),
  'letter.get': procedure({ action: 'letter.read', audit: 'read', record: 'case', input: letterRef, output: letterDetailSchema }),
  'letter.updateText': procedure({
    action: 'letter.draft',
    audit: 'write',
    record: 'case',
    input: letterTextSchema.extend({ letterId: z.uuid() }).strict(),
    output: letterView,
  }),
  'letter.submit': procedure({ action: 'letter.draft', audit: 'write', record: 'case', input: letterRef, output: letterSummarySchema }),
  'letter.discard': procedure({ action: 'letter.draft', audit: 'write', record: 'case', input: letterRef, output: z.object({}) }),
  'letter.queueForSigning': procedure({ action: 'letter.sign', audit: 'read', record: 'letter', input: empty, output: z.array(letterSummarySchema) }),
  'letter.sign': procedure({
    action: 'letter.sign',
    audit: 'write',
    record: 'case',
    // The password again: a signature is a deliberate act of the signer at the desk, not of whoever finds the session open.
    input: letterRef.extend({ password: z.string().min(1, 'Voer uw wachtwoord in om te ondertekenen.').max(1024) }).strict(),
    output: z.object({ letterId: z.string(), sha256: z.string(), signedAt: z.string(), pdfBase64: z.string() }),
  }),
  'letter.return': procedure({
    action: 'letter.sign',
    audit: 'write',
    record: 'case',
    input: z.object({ letterId: z.uuid(), comment: z.string().trim().min(5, 'Licht toe wat er anders moet (minstens 5 tekens).').max(2000) }).strict(),
    output: letterSummarySchema,
  }),
  'letter.markSent': procedure({
    action: 'letter.draft',
    audit: 'write',
    record: 'case',
    input: z.object({ letterId: z.uuid(), sentOn: isoDateSchema.optional() }).strict(),
    output: letterSummarySchema,
  }),
  'letter.templates': procedure({ action: 'terms.manage', audit: 'none', input: empty, output: z.array(templateViewSchema) }),
  'letter.setTemplate': procedure({
    action: 'terms.manage',
    audit: 'write',
    record: 'settings',
    input: z.object({ template: letterTemplateSchema }).strict(),
    output: templateViewSchema,
  }),
  'letter.resetTemplate': procedure({
    action: 'terms.manage',
    audit: 'write',
    record: 'settings',
    input: z.object({ kind: letterKindSchema }).strict(),
    output: templateViewSchema,
  }),
  'package.build': procedure({ action: 'package.build', audit: 'read', record: 'case', input: caseRef, output: packageSchema }),
  'settings.getSigning': procedure({ action: 'settings.signing', audit: 'none', input: empty, output: signingInfoSchema.nullable() }),
  'settings.setSigning': procedure({ action: 'settings.signing', audit: 'write', record: 'settings', input: setSigningInput, output: signingInfoSchema }),
  'settings.getLetterhead': procedure({ action: 'settings.manage', audit: 'none', input: empty, output: letterheadSchema }),
  'settings.setLetterhead': procedure({ action: 'settings.manage', audit: 'write', record: 'settings', input: letterheadSchema, output: letterheadSchema }),
  'signer.getProfile': procedure({ action: 'letter.sign', audit: 'none', input: empty, output: signerProfile.nullable() }),
  'signer.setProfile': procedure({ action: 'letter.sign', audit: 'write', record: 'staff', input: signerProfileInput, output: signerProfile }),
  'register.list': procedure({
    action: 'register.read',
    audit: 'none',
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(activityView),
  }),
  'register.upsert': procedure({
    action: 'register.manage',
    audit: 'write',
    record: 'register',
    input: z.object({ activity: processingActivitySchema }).strict(),
    output: activityView,
  }),
  'register.remove': procedure({
    action: 'register.manage',
    audit: 'write',
    record: 'register',
    input: z.object({ activityId: z.string().trim().min(1).max(63) }).strict(),
    output: activityView,
  }),
  'case.activities': procedure({ action: 'case.read', audit: 'read', record: 'case', input: caseRef, output: z.object({ activityIds: z.array(z.string()) }) }),
  'case.selectActivities': procedure({
    action: 'case.work',
    audit: 'write',
    record: 'case',
    input: z.object({ caseId: z.uuid(), activityIds: z.array(z.string().trim().min(1).max(63)).max(200) }).strict(),
    output: z.object({ activityIds: z.array(z.string()) }),
  }),
} as const;
