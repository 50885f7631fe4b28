import { z } from 'zod';
import type { ProcedureSpec } from '../api/contract.js';

/**
 * The bell: what happened to the caller's work, derived from what the store already records
 * (letters' submission, signature and return, the audit trail's assignments, the terms of one's
 * cases). Case numbers and letter kinds only, no names: not audited, and polled in the background.
 */
export const NOTIFICATION_KINDS = ['ter_ondertekening', 'ondertekend', 'teruggestuurd', 'toegewezen', 'termijn'] as const;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  at: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  text: z.string(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}

export const notificationProcedures = {
  'notifications.mine': procedure({ action: 'work.read', audit: 'none', passive: true, input: z.object({}).strict(), output: z.array(notificationSchema) }),
} as const;
