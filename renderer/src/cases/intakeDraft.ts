import type { ProcedureInput } from '../../../shared/api/contract.js';
import { dutchToday, STANDARD_REQUEST_TEXT, type Channel, type CorrectionKind, type Relation, type RepresentativeKind } from '../../../shared/cases/cases.js';
import type { RequestType } from '../../../shared/cases/request-types.js';

/** The intake form as typed, before it becomes a case.create call. */
export interface Draft {
  type: RequestType;
  correctionKinds: CorrectionKind[];
  name: string;
  birthDate: string;
  address: string;
  email: string;
  phone: string;
  relation: Relation;
  customerNumber: string;
  legallyIncapacitated: boolean;
  channel: Channel;
  received: string;
  writtenAndSigned: boolean;
  requestText: string;
  hasRepresentative: boolean;
  representativeKind: RepresentativeKind;
  representativeName: string;
  representativeBasis: string;
  handlerId: string;
}

/** `handlerId`: the handler the case goes to unless intake chooses another (their own, or the suggested one). */
export function emptyDraft(handlerId = ''): Draft {
  return {
    type: 'inzage',
    correctionKinds: [],
    name: '',
    birthDate: '',
    address: '',
    email: '',
    phone: '',
    relation: 'huurder',
    customerNumber: '',
    legallyIncapacitated: false,
    channel: 'brief',
    received: dutchToday(new Date()),
    writtenAndSigned: false,
    requestText: STANDARD_REQUEST_TEXT.inzage ?? '',
    hasRepresentative: false,
    representativeKind: 'wettelijk_vertegenwoordiger',
    representativeName: '',
    representativeBasis: '',
    handlerId,
  };
}

/** Another type: the standard description follows it, unless intake already wrote the requester's own words. */
export function withType(draft: Draft, type: RequestType): Draft {
  const untouched = draft.requestText.trim() === '' || draft.requestText === STANDARD_REQUEST_TEXT[draft.type];
  return { ...draft, type, requestText: untouched ? (STANDARD_REQUEST_TEXT[type] ?? '') : draft.requestText };
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export function toInput(draft: Draft): ProcedureInput<'case.create'> {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const requester: ProcedureInput<'case.create'>['requester'] = {
    name: draft.name.trim(),
    relation: draft.relation,
    legallyIncapacitated: draft.legallyIncapacitated,
  };
  for (const key of ['birthDate', 'address', 'email', 'phone', 'customerNumber'] as const) {
    const value = optional(draft[key]);
    if (value) requester[key] = value;
  }
  const input: ProcedureInput<'case.create'> = {
    type: draft.type,
    correctionKinds: draft.type === 'correctie' ? draft.correctionKinds : [],
    requester,
    channel: draft.channel,
    received: draft.received,
    writtenAndSigned: draft.writtenAndSigned,
    requestText: draft.requestText,
  };
  if (draft.hasRepresentative) {
    const basis = optional(draft.representativeBasis);
    input.representative = { kind: draft.representativeKind, name: draft.representativeName.trim(), ...(basis ? { basis } : {}) };
  }
  if (draft.handlerId !== '') input.handlerId = draft.handlerId;
  return input;
}
