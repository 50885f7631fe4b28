/**
 * Named fields in letter templates: `{verzoeker.naam}`, `{kenmerk}`, `{uiterste_datum}` … An admin
 * writes templates with them; rendering replaces each with its value from the case. A field the
 * engine does not know is an error with a Dutch message, so a typo never reaches a requester as
 * literal braces. `{{` and `}}` print a literal brace.
 */
export const FIELDS = {
  kenmerk: 'Ons kenmerk (het zaaknummer)',
  datum: 'De datum van de brief',
  datum_ontvangst: 'De datum waarop het verzoek binnenkwam',
  uiterste_datum: 'De uiterste datum van de beslissing',
  oorspronkelijke_datum: 'De uiterste datum vóór de verlenging',
  nieuwe_datum: 'De uiterste datum na de verlenging',
  verlenging: 'De verlenging in woorden ("één maand", "twee maanden")',
  reden_verlenging: 'De reden van de verlenging',
  reactie_datum: 'De datum waarvóór wij een reactie vragen',
  soort_verzoek: 'Het verzoek kort ("verzoek om inzage")',
  verzoek: 'Het verzoek voluit ("verzoek om inzage in uw persoonsgegevens")',
  gevraagde_correctie: 'Wat de verzoeker vroeg ("uw persoonsgegevens te verbeteren en aan te vullen")',
  'verzoeker.naam': 'Naam van de verzoeker',
  'verzoeker.adres': 'Adres van de verzoeker',
  'verzoeker.klantnummer': 'Klant- of contractnummer van de verzoeker',
  'vertegenwoordiger.naam': 'Naam van de vertegenwoordiger (als die er is)',
  'geadresseerde.naam': 'Naam van wie de brief krijgt',
  'derde.naam': 'Naam van de derde (zienswijze)',
  'derde.rol': 'Rol van de derde in het dossier (zienswijze)',
  'behandelaar.naam': 'Naam van de behandelaar',
  'organisatie.naam': 'Naam van de organisatie',
  'organisatie.postadres': 'Postadres van de organisatie',
  'organisatie.telefoon': 'Telefoonnummer van de organisatie',
  'organisatie.email': 'E-mailadres van de organisatie',
  'verzet.verwerking': 'Het gebruik van gegevens waartegen verzet is gedaan',
  'klacht.omschrijving': 'De klacht in het kort',
  'intrekking.datum': 'De datum waarop het verzoek is ingetrokken',
  'afwijzing.grond': 'De grond van de afwijzing ("kennelijk ongegrond", "buitensporig")',
  betrokkene: '"u", of de naam van de verzoeker als een vertegenwoordiger de brief krijgt',
  gegevens: '"uw persoonsgegevens", of "de persoonsgegevens van …" in een brief aan een vertegenwoordiger',
  'verzoeker.naam_klantnummer': 'Naam van de verzoeker met het klantnummer, als dat bekend is (kennisgeving aan een ontvanger)',
  'verzet.direct_marketing': 'De direct marketing waartegen verzet is gedaan',
  'verzet.gestopt_op': 'De datum waarop het gebruik voor direct marketing is gestopt',
  'klacht.beslissing_uiterlijk': 'De datum waarop wij alsnog op de klacht beslissen (als die is gegeven)',
} as const satisfies Record<string, string>;

export type FieldName = keyof typeof FIELDS;
/** A value per field; null where the field does not apply to this case (no representative …). */
export type FieldValues = Partial<Record<FieldName, string | null>>;

export function isFieldName(name: string): name is FieldName {
  return Object.hasOwn(FIELDS, name);
}

/** A letter that cannot be made (bad template, missing or contradictory data); the message is Dutch and safe to show. */
export class LetterError extends Error {
  constructor(readonly dutchMessage: string) {
    super(dutchMessage);
    this.name = 'LetterError';
  }
}

type Token = { literal: string } | { field: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if ((c === '{' && next === '{') || (c === '}' && next === '}')) {
      literal += c;
      i += 1;
    } else if (c === '{') {
      const end = text.indexOf('}', i);
      const name = end === -1 ? '' : text.slice(i + 1, end).trim();
      if (end === -1 || !/^[a-z][a-z_]*(\.[a-z_]+)?$/u.test(name)) {
        throw new LetterError(`Een accolade "{" zonder geldig veld: "${text.slice(i, i + 30)}". Schrijf {{ voor een accolade in de tekst.`);
      }
      if (literal) tokens.push({ literal });
      literal = '';
      tokens.push({ field: name });
      i = end;
    } else if (c === '}') {
      throw new LetterError('Een losse accolade "}" in de tekst. Schrijf }} voor een accolade in de tekst.');
    } else {
      literal += c;
    }
  }
  if (literal) tokens.push({ literal });
  return tokens;
}

/** The fields a text uses. Throws a LetterError for malformed braces. */
export function fieldsOf(text: string): string[] {
  return tokenize(text).flatMap((t) => ('field' in t ? [t.field] : []));
}

/** Dutch problems of a template text: unknown fields and malformed braces; empty when fine. */
export function checkTemplateText(text: string): string[] {
  try {
    return [...new Set(fieldsOf(text).filter((f) => !isFieldName(f)))].map((f) => `Onbekend veld {${f}}. Kies uit de velden in de lijst.`);
  } catch (error) {
    if (error instanceof LetterError) return [error.dutchMessage];
    throw error;
  }
}

/** Replaces every field with its value. Unknown fields and fields without a value are Dutch errors. */
export function fillText(text: string, values: FieldValues): string {
  return tokenize(text)
    .map((t) => {
      if ('literal' in t) return t.literal;
      if (!isFieldName(t.field)) throw new LetterError(`Onbekend veld {${t.field}} in de sjabloon. Pas de sjabloon aan in Beheer.`);
      const value = values[t.field];
      if (value === undefined || value === null || value === '') {
        throw new LetterError(`Het veld {${t.field}} (${FIELDS[t.field].toLowerCase()}) heeft in deze zaak geen waarde.`);
      }
      return value;
    })
    .join('');
}
