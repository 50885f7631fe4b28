import { describe, expect, it } from 'vitest';
import { decisionGates, DECISION_EXEMPTIONS, letterGateProblems, type DecisionFacts } from '../../shared/signing/decision-gates.js';
import { DECISION_KINDS, isDecisionKind, LETTER_KINDS } from '../../shared/letters/types.js';

/** The pure rules over plain facts: what the main process and the checklist share. */
const NOTHING_YET: DecisionFacts = {
  type: 'inzage',
  channel: 'brief',
  requesterName: 'Noah Peters',
  representationRequired: false,
  representative: null,
  requesterVerified: false,
  representativeVerified: false,
  formalRequirementsMet: false,
  openTasks: ['verzoek_om_aanvulling', 'verlengingsbericht'],
  thirdPartyProblems: ['Gretchen Weißstraße is nog niet gehoord.'],
  secondChannelRequired: false,
  secondChannelOutcome: null,
};

describe('decision gates as rules', () => {
  it('every decision kind but niet-ontvankelijk rests on identity, form, third parties, tasks and the addressee', () => {
    for (const kind of DECISION_KINDS) {
      const problems = letterGateProblems(NOTHING_YET, { kind, addresseeName: 'Iemand Anders', carriesOutChange: false });
      if (kind === 'besluit-niet-ontvankelijk') expect(problems).toEqual([]);
      else expect(problems.length, kind).toBe(5);
    }
    expect(Object.keys(DECISION_EXEMPTIONS)).toEqual(['besluit-niet-ontvankelijk']);
    // A letter that decides nothing has no gates; an extension task contradicts nothing.
    for (const kind of LETTER_KINDS.filter((k) => !isDecisionKind(k)))
      expect(letterGateProblems(NOTHING_YET, { kind, addresseeName: 'x', carriesOutChange: false })).toEqual([]);
    expect(decisionGates(NOTHING_YET).find((g) => g.id === 'taken')?.missing).toHaveLength(1);
  });

  it('under 16: a legal representative with identity and authority, never a gemachtigde; the child needs no check of its own', () => {
    const minor: DecisionFacts = { ...NOTHING_YET, representationRequired: true, formalRequirementsMet: true, openTasks: [], thirdPartyProblems: [] };
    expect(decisionGates(minor).map((g) => g.id)).toEqual(['vertegenwoordiger', 'vormvereisten', 'derden', 'taken']);
    const byProxy = { ...minor, representative: { kind: 'gemachtigde' as const, name: 'Eva Peters' }, representativeVerified: true };
    expect(decisionGates(byProxy).find((g) => g.id === 'vertegenwoordiger')?.missing).toEqual([expect.stringContaining('een gemachtigde niet')]);
    const parent = { ...minor, representative: { kind: 'wettelijk_vertegenwoordiger' as const, name: 'Eva Peters' }, representativeVerified: true };
    expect(letterGateProblems(parent, { kind: 'besluit-inzage', addresseeName: ' eva  peters', carriesOutChange: false })).toEqual([]);
    expect(letterGateProblems(parent, { kind: 'besluit-inzage', addresseeName: 'Noah Peters', carriesOutChange: false })).toEqual([
      expect.stringContaining('moet naar de wettelijk vertegenwoordiger, Eva Peters'),
    ]);
  });

  it('§9 holds back only a correction that carries out a change; verzet asks a reasoned, not a signed request', () => {
    const viaApp: DecisionFacts = {
      ...NOTHING_YET,
      type: 'correctie',
      channel: 'mijn_alliantie',
      requesterVerified: true,
      formalRequirementsMet: true,
      openTasks: [],
      thirdPartyProblems: [],
      secondChannelRequired: true,
    };
    const letter = { kind: 'besluit-correctie' as const, addresseeName: 'Noah Peters' };
    expect(letterGateProblems(viaApp, { ...letter, carriesOutChange: false })).toEqual([]);
    expect(letterGateProblems(viaApp, { ...letter, carriesOutChange: true })).toEqual([expect.stringContaining('(§9)')]);
    expect(letterGateProblems({ ...viaApp, secondChannelOutcome: 'bevestigd' }, { ...letter, carriesOutChange: true })).toEqual([]);
    const verzet = decisionGates({ ...NOTHING_YET, type: 'verzet' }).find((g) => g.id === 'vormvereisten');
    expect(verzet?.missing).toEqual([expect.stringContaining('schriftelijk en gemotiveerd ontvangen (§15)')]);
    expect(decisionGates({ ...NOTHING_YET, type: 'klacht' }).some((g) => g.id === 'vormvereisten')).toBe(false);
  });
});
