/**
 * Identity verification rules (privacyreglement §13/§14; the Autoriteit Persoonsgegevens' guidance:
 * ask for a copy only when there is no other way, mask BSN and photo, keep nothing longer than needed).
 */
export const ID_METHODS = ['mijn_alliantie', 'balie', 'kopie', 'klantgegevens'] as const;
export type IdMethod = (typeof ID_METHODS)[number];
export const ID_METHOD_LABELS: Readonly<Record<IdMethod, string>> = {
  mijn_alliantie: 'Ingelogd via Mijn Alliantie',
  balie: 'Aan de balie (document getoond, geen kopie)',
  kopie: 'Kopie van identiteitsbewijs ontvangen',
  klantgegevens: 'Bekende klant: klantnummer, adres en geboortedatum kloppen',
};
/** Methods in which a document is looked at and its data entered. */
export const DOCUMENT_METHODS: ReadonlySet<IdMethod> = new Set(['balie', 'kopie']);

export const ID_OUTCOMES = ['geverifieerd', 'afgewezen', 'meer_informatie'] as const;
export type IdOutcome = (typeof ID_OUTCOMES)[number];
export const ID_OUTCOME_LABELS: Readonly<Record<IdOutcome, string>> = {
  geverifieerd: 'Identiteit vastgesteld',
  afgewezen: 'Afgewezen',
  meer_informatie: 'Meer informatie nodig',
};

export const ID_SUBJECTS = ['verzoeker', 'vertegenwoordiger'] as const;
export type IdSubject = (typeof ID_SUBJECTS)[number];

/** How a representative's authority was shown (§13/§14: the legal representative makes the request). */
export const AUTHORITY_KINDS = ['ouderlijk_gezag', 'voogdij', 'curatele_mentorschap', 'volmacht'] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];
export const AUTHORITY_LABELS: Readonly<Record<AuthorityKind, string>> = {
  ouderlijk_gezag: 'Ouderlijk gezag (uittreksel gezagsregister of geboorteakte)',
  voogdij: 'Voogdij (beschikking van de rechter)',
  curatele_mentorschap: 'Curatele of mentorschap (beschikking van de rechter)',
  volmacht: 'Schriftelijke volmacht, ondertekend door de verzoeker',
};

export const DOCUMENT_TYPES = ['paspoort', 'identiteitskaart', 'rijbewijs', 'verblijfsdocument'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_TYPE_LABELS: Readonly<Record<DocumentType, string>> = {
  paspoort: 'Paspoort',
  identiteitskaart: 'Identiteitskaart',
  rijbewijs: 'Rijbewijs',
  verblijfsdocument: 'Verblijfsdocument',
};
