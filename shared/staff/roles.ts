/** The six staff functions of the privacy team (docs/ARCHITECTURE.md, "Staff functions"). A staff member holds one or more. */
export const ROLES = ['intake', 'handler', 'signer', 'dpo', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Dutch names as the privacy team uses them. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  intake: 'Intake (klantenservice)',
  handler: 'Behandelaar',
  signer: 'Tekenbevoegde',
  dpo: 'Privacy officer (FG)',
  auditor: 'Auditor',
  admin: 'Functioneel beheer',
};
