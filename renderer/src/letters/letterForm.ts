import { dutchToday } from '../../../shared/cases/cases.js';
import type { AccessRefusalGround, InadmissibleGround, RecipientChange } from '../../../shared/letters/data.js';
import type { LetterKind } from '../../../shared/letters/types.js';
import type { DraftInput } from './letterTypes.js';

export type Outcome = 'toegewezen' | 'deels' | 'afgewezen';
export type ComplaintOutcome = 'gegrond' | 'deels_gegrond' | 'ongegrond';
export type RefusalGround = 'kennelijk_ongegrond' | 'buitensporig';
export type NotInformedGround = 'onmogelijk' | 'onevenredige_inspanning' | 'niet_verstrekt';
export type ChangeDecision = 'doorgevoerd' | 'afgewezen';

export interface Withheld {
  key: number;
  what: string;
  why: string;
}

export type RecipientChangeRow = { key: number; item: string; action: RecipientChange['action']; to: string };

export interface Change {
  key: number;
  item: string;
  from: string;
  to: string;
  decision: ChangeDecision;
}

/** Everything the new-letter form can ask; each kind uses its part (shared/letters/letter-schemas.ts). */
export interface LetterForm {
  otherAddressee: boolean;
  addresseeName: string;
  addresseeAddress: string;
  replyBy: string;
  missing: string;
  thirdPartyId: string;
  thirdPartyAddress: string;
  withheld: Withheld[];
  outcome: Outcome;
  complaintOutcome: ComplaintOutcome;
  changes: Change[];
  reasons: string;
  recipientsInformed: string;
  notInformed: boolean;
  notInformedGround: NotInformedGround;
  notInformedExplanation: string;
  processing: string;
  legalObligation: string;
  complaint: string;
  measures: string;
  ground: RefusalGround;
  withdrawnOn: string;
  activityIds: string[];
  circumstancesGiven: boolean;
  inadmissibleGround: InadmissibleGround;
  searched: string;
  accessOutcome: 'afgewezen' | 'deels';
  accessGrounds: AccessRefusalGround[];
  stoppedOn: string;
  recipient: string;
  recipientAddress: string;
  recipientChanges: RecipientChangeRow[];
  decisionBy: string;
}

let nextKey = 1;
export const newKey = () => nextKey++;

export function emptyForm(): LetterForm {
  return {
    otherAddressee: false,
    addresseeName: '',
    addresseeAddress: '',
    replyBy: '',
    missing: '',
    thirdPartyId: '',
    thirdPartyAddress: '',
    withheld: [],
    outcome: 'toegewezen',
    complaintOutcome: 'ongegrond',
    changes: [{ key: newKey(), item: '', from: '', to: '', decision: 'doorgevoerd' }],
    reasons: '',
    recipientsInformed: '',
    notInformed: false,
    notInformedGround: 'onmogelijk',
    notInformedExplanation: '',
    processing: '',
    legalObligation: '',
    complaint: '',
    measures: '',
    ground: 'kennelijk_ongegrond',
    withdrawnOn: dutchToday(new Date()),
    activityIds: [],
    circumstancesGiven: false,
    inadmissibleGround: 'identiteit',
    searched: '',
    accessOutcome: 'deels',
    accessGrounds: [],
    stoppedOn: '',
    recipient: '',
    recipientAddress: '',
    recipientChanges: [{ key: newKey(), item: '', action: 'verbeterd', to: '' }],
    decisionBy: '',
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** Keys with an undefined value left out: the API's schemas are strict about what they get. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The `letter.draft` input for a kind, from the form. The backend validates it and says in Dutch what is missing. */
export function draftInput(caseId: string, kind: LetterKind, form: LetterForm): DraftInput {
  const common = defined({ addressee: form.otherAddressee ? { name: form.addresseeName.trim(), address: form.addresseeAddress.trim() } : undefined });
  const replyBy = defined({ replyBy: optional(form.replyBy) });
  const withheld = form.withheld.filter((w) => w.what.trim() !== '' || w.why.trim() !== '').map((w) => ({ what: w.what.trim(), why: w.why.trim() }));
  const withheldData = withheld.length > 0 ? { withheld } : {};
  switch (kind) {
    case 'ontvangstbevestiging':
      return { caseId, kind, data: common };
    case 'verzoek-om-identificatie':
      return { caseId, kind, data: { ...common, ...replyBy } };
    case 'verzoek-om-aanvulling': {
      const missing = lines(form.missing);
      return { caseId, kind, data: { ...common, ...replyBy, ...(missing.length > 0 ? { missing } : {}) } };
    }
    case 'zienswijze-derde':
      return { caseId, kind, data: { ...common, ...replyBy, thirdPartyId: form.thirdPartyId, address: form.thirdPartyAddress.trim() } };
    case 'verlengingsbericht':
      return { caseId, kind, data: common };
    case 'besluit-inzage':
      return { caseId, kind, data: { ...common, ...withheldData } };
    case 'besluit-dataportabiliteit':
      return { caseId, kind, data: { ...common, ...withheldData } };
    case 'besluit-correctie': {
      const recipients = lines(form.recipientsInformed);
      return {
        caseId,
        kind,
        data: defined({
          ...common,
          outcome: form.outcome,
          changes: form.changes
            .filter((c) => c.item.trim() !== '' || c.from.trim() !== '' || c.to.trim() !== '')
            .map((c) => defined({ item: c.item.trim(), from: optional(c.from), to: optional(c.to), decision: c.decision })),
          reasons: optional(form.reasons),
          recipientsInformed: recipients.length > 0 ? recipients : undefined,
          notInformed: form.notInformed ? { ground: form.notInformedGround, explanation: form.notInformedExplanation.trim() } : undefined,
        }),
      };
    }
    case 'besluit-verzet':
      return {
        caseId,
        kind,
        data: defined({
          ...common,
          outcome: form.outcome,
          processing: form.processing.trim(),
          reasons: optional(form.reasons),
          circumstancesGiven: form.circumstancesGiven,
          legalObligation: form.outcome === 'toegewezen' ? undefined : optional(form.legalObligation),
        }),
      };
    case 'beslissing-op-klacht':
      return {
        caseId,
        kind,
        data: defined({
          ...common,
          outcome: form.complaintOutcome,
          complaint: form.complaint.trim(),
          reasons: form.reasons.trim(),
          measures: optional(form.measures),
        }),
      };
    case 'afwijzing':
      return { caseId, kind, data: { ...common, ground: form.ground, reasons: form.reasons.trim() } };
    case 'bevestiging-intrekking':
      return { caseId, kind, data: { ...common, withdrawnOn: form.withdrawnOn } };
    case 'besluit-niet-ontvankelijk':
      return { caseId, kind, data: { ...common, ground: form.inadmissibleGround, reasons: form.reasons.trim() } };
    case 'besluit-geen-gegevens': {
      const searched = lines(form.searched);
      return { caseId, kind, data: { ...common, ...(searched.length > 0 ? { searched } : {}) } };
    }
    case 'besluit-afwijzing-inzage':
      return { caseId, kind, data: { ...common, outcome: form.accessOutcome, grounds: form.accessGrounds, reasons: form.reasons.trim(), withheld } };
    case 'besluit-verzet-direct-marketing':
      return { caseId, kind, data: defined({ ...common, processing: form.processing.trim(), stoppedOn: optional(form.stoppedOn) }) };
    case 'kennisgeving-ontvangers':
      return {
        caseId,
        kind,
        data: {
          recipient: form.recipient.trim(),
          address: form.recipientAddress.trim(),
          changes: form.recipientChanges
            .filter((c) => c.item.trim() !== '' || c.to.trim() !== '')
            .map((c) => defined({ item: c.item.trim(), action: c.action, to: c.action === 'gewist' || c.action === 'beperkt' ? undefined : optional(c.to) })),
        },
      };
    case 'klacht-termijn-verstreken':
      return { caseId, kind, data: defined({ ...common, decisionBy: optional(form.decisionBy) }) };
  }
}
