import type { CorrectionKind, RepresentativeKind } from '../cases/cases.js';
import type { IsoDate } from '../deadlines/dates.js';
import type { RequestType } from '../cases/request-types.js';
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
  /** The functionaris gegevensbescherming (art. 37–39 AVG), named in every decision. */
  dpo: DataProtectionOfficer;
}

export interface DataProtectionOfficer {
  name: string;
  email: string;
  phone: string;
  address: string;
}

/** An activity of the register that declares automated decision-making, and its logic (art. 15(1)(h)). */
export interface AutomatedDecision {
  activity: string;
  logic: string;
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

/**
 * Common to every kind: who the letter goes to when it is not the default. The date of the
 * request is the case's (received on), never a second date typed per letter.
 */
export interface CommonData {
  addressee?: { name: string; address: string } | undefined;
}

/** Why a request is niet-ontvankelijk: identity not established, or a formal requirement not met after the aanvulling term. */
export type InadmissibleGround = 'identiteit' | 'vormvereiste';

/** The grounds to limit access: the rights of others (art. 15(4) AVG) and art. 41(1) UAVG (art. 23 AVG). */
export const ACCESS_REFUSAL_GROUNDS = {
  rechten_anderen: 'de rechten en vrijheden van anderen (artikel 15, lid 4 AVG)',
  nationale_veiligheid: 'de nationale veiligheid (artikel 41, lid 1 onder a UAVG)',
  landsverdediging: 'de landsverdediging (artikel 41, lid 1 onder b UAVG)',
  openbare_veiligheid: 'de openbare veiligheid (artikel 41, lid 1 onder c UAVG)',
  strafbare_feiten: 'het voorkomen, onderzoeken, opsporen en vervolgen van strafbare feiten (artikel 41, lid 1 onder d UAVG)',
  economisch_belang: 'een gewichtig economisch of financieel belang van de overheid (artikel 41, lid 1 onder e UAVG)',
  rechterlijke_onafhankelijkheid: 'de onafhankelijkheid van de rechter en gerechtelijke procedures (artikel 41, lid 1 onder f UAVG)',
  beroepscode: 'de beroepsregels van gereglementeerde beroepen (artikel 41, lid 1 onder g UAVG)',
  toezicht: 'toezicht en inspectie door de overheid (artikel 41, lid 1 onder h UAVG)',
  bescherming_betrokkene: 'de bescherming van u zelf of de rechten en vrijheden van anderen (artikel 41, lid 1 onder i UAVG)',
  civiele_vorderingen: 'de inning van civielrechtelijke vorderingen (artikel 41, lid 1 onder j UAVG)',
} as const satisfies Record<string, string>;
export type AccessRefusalGround = keyof typeof ACCESS_REFUSAL_GROUNDS;

/** What art. 19 AVG tells a recipient: which item, what we did, and the new value where there is one. */
export interface RecipientChange {
  item: string;
  action: 'verbeterd' | 'aangevuld' | 'gewist' | 'beperkt';
  to?: string | undefined;
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
    /** Whether the objection set out the requester's particular personal circumstances (§15); the letter says so only then. */
    circumstancesGiven?: boolean | undefined;
    /** §15: provision the corporation is required to make by law is no ground for objection; only in a refusal. */
    legalObligation?: string | undefined;
  };
  'beslissing-op-klacht': CommonData & {
    outcome: 'gegrond' | 'deels_gegrond' | 'ongegrond';
    complaint: string;
    reasons: string;
    measures?: string | undefined;
  };
  afwijzing: CommonData & { ground: 'kennelijk_ongegrond' | 'buitensporig'; reasons: string };
  'bevestiging-intrekking': CommonData & { withdrawnOn: IsoDate };
  'besluit-niet-ontvankelijk': CommonData & { ground: InadmissibleGround; reasons: string };
  'besluit-geen-gegevens': CommonData & { searched?: string[] | undefined };
  'besluit-afwijzing-inzage': CommonData & { outcome: 'afgewezen' | 'deels'; grounds: AccessRefusalGround[]; reasons: string; withheld: Withheld[] };
  'besluit-verzet-direct-marketing': CommonData & { processing: string; stoppedOn?: IsoDate | undefined };
  'kennisgeving-ontvangers': CommonData & { recipient: string; address: string; changes: RecipientChange[] };
  'klacht-termijn-verstreken': CommonData & { decisionBy?: IsoDate | undefined };
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
  /** Activities that declare automated decision-making: the case's ticked ones for an access decision, else the whole register. */
  automatedDecisions: readonly AutomatedDecision[];
  /**
   * Inzage and dataportabiliteit: how many dossier documents go with the letter, how many are
   * redacted, and the e-mail attachments the dossier could not read in (e.g. a Word file), which
   * the requester does not get in the package.
   */
  documents: { total: number; redacted: number; notReadIn?: readonly string[] | undefined };
  thirdParties: readonly ThirdPartyForLetter[];
}

/** A LetterInput whose `kind` narrows its `data`. */
export type AnyLetterInput = { [K in LetterKind]: LetterInput<K> }[LetterKind];
