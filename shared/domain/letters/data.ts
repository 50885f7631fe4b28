import type { CorrectionKind, RepresentativeKind } from '../cases.js';
import type { IsoDate } from '../dates.js';
import type { RequestType } from '../request-types.js';
import type { ProcessingActivity } from './register.js';
import type { LetterKind } from './types.js';

/** The case as a letter needs it (filled by the service from the store). */
export interface LetterCase {
  reference: string;
  type: RequestType;
  correctionKinds: readonly CorrectionKind[];
  requester: { name: string; address: string | null; customerNumber: string | null };
  representative: { kind: RepresentativeKind; name: string } | null;
  channel: string;
  receivedOn: IsoDate;
  dueOn: IsoDate;
  originalDueOn: IsoDate;
  extensionMonths: number;
  extensionReason: string | null;
  writtenAndSigned: boolean;
}

/** The sender: from the letterhead settings (defaults: the policy, §2). */
export interface Organisation {
  name: string;
  postalAddress: string[];
  visitingAddress: string;
  phone: string;
  email: string;
  kvk: string;
  place: string;
}

/** Something withheld or redacted: what, and why (art. 15(4) AVG). */
export interface Withheld {
  what: string;
  why: string;
}

export interface CorrectionChange {
  item: string;
  from?: string | undefined;
  to?: string | undefined;
  decision: 'doorgevoerd' | 'afgewezen';
}

/** Common to every kind: who the letter goes to when it is not the default, and "uw brief van". */
export interface CommonData {
  addressee?: { name: string; address: string } | undefined;
  yourLetterOf?: IsoDate | undefined;
}

/** What the handler decides or adds per kind; the rest comes from the case. */
export interface LetterDataByKind {
  ontvangstbevestiging: CommonData;
  'verzoek-om-identificatie': CommonData & { replyBy?: IsoDate | undefined };
  'verzoek-om-aanvulling': CommonData & { missing?: string[] | undefined; replyBy?: IsoDate | undefined };
  'zienswijze-derde': CommonData & { thirdPartyId: string; address: string; replyBy?: IsoDate | undefined };
  verlengingsbericht: CommonData;
  'besluit-inzage': CommonData & { withheld?: Withheld[] | undefined };
  'besluit-dataportabiliteit': CommonData & { withheld?: Withheld[] | undefined };
  'besluit-correctie': CommonData & {
    outcome: 'toegewezen' | 'deels' | 'afgewezen';
    changes: CorrectionChange[];
    reasons?: string | undefined;
    /** Art. 19 AVG, §14: the recipients told of the correction. */
    recipientsInformed?: string[] | undefined;
    /** Or why they were not: impossible, disproportionate, or the data went to nobody. */
    notInformed?: { ground: 'onmogelijk' | 'onevenredige_inspanning' | 'niet_verstrekt'; explanation: string } | undefined;
  };
  'besluit-verzet': CommonData & {
    outcome: 'toegewezen' | 'deels' | 'afgewezen';
    processing: string;
    reasons?: string | undefined;
    /** §15: provision the corporation is required to make by law is no ground for objection. */
    legalObligation?: string | undefined;
  };
  'beslissing-op-klacht': CommonData & { outcome: 'gegrond' | 'deels_gegrond' | 'ongegrond'; complaint: string; reasons: string; measures?: string | undefined };
  afwijzing: CommonData & { ground: 'kennelijk_ongegrond' | 'buitensporig'; reasons: string };
  'bevestiging-intrekking': CommonData & { withdrawnOn: IsoDate };
}

export type LetterData<K extends LetterKind = LetterKind> = LetterDataByKind[K];

/** A third party to consult (zienswijze derde): only what the letter to them needs. */
export interface ThirdPartyForLetter {
  id: string;
  name: string;
  role: string;
}

/** Everything a builder reads: the case, the sender, the day, and what the service looked up. */
export interface LetterInput<K extends LetterKind = LetterKind> {
  kind: K;
  data: LetterData<K>;
  case: LetterCase;
  organisation: Organisation;
  handlerName: string;
  today: IsoDate;
  /** Besluit inzage: the activities the handler ticked (a snapshot of the register). */
  activities: readonly ProcessingActivity[];
  /** Inzage and dataportabiliteit: how many dossier documents go with the letter, and how many are redacted. */
  documents: { total: number; redacted: number };
  thirdParties: readonly ThirdPartyForLetter[];
}

/** A LetterInput whose `kind` narrows its `data`. */
export type AnyLetterInput = { [K in LetterKind]: LetterInput<K> }[LetterKind];
