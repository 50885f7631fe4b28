import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../shared/staff/password.js';
import { describeIssues, useDutchValidation } from '../../shared/api/validation.js';
import { userNameSchema } from '../../shared/api/contract.js';

describe('password rules', () => {
  it.each([
    ['Tulpen-Bollen-Streek-77', 'jan', []],
    ['dit is een lange wachtzin zonder cijfers', 'jan', []],
    ['Kort-1!', 'jan', ['Het wachtwoord moet minstens 12 tekens lang zijn.']],
    ['alleenkleineletters', 'jan', ['Gebruik minstens drie van: kleine letters, hoofdletters, cijfers en leestekens (of een wachtzin van 20 tekens of meer).']],
    ['Welkom-Thuis-2026', 'jan', ['Het wachtwoord bevat een veelgebruikt woord.']],
    ['Jjansen-Zomer-2026!', 'jjansen', ['Het wachtwoord mag de gebruikersnaam niet bevatten.']],
    ['Aa1!Aa1!Aa1!Aa1!', 'jan', ['Het wachtwoord bestaat uit te weinig verschillende tekens.']],
  ])('%s (user %s)', (password, user, problems) => {
    expect(passwordProblems(password, user)).toEqual(problems);
  });
});

describe('Dutch validation messages', () => {
  useDutchValidation();
  it('names the field in Dutch and says what is wrong', () => {
    const schema = z.object({ fullName: z.string().min(1), roles: z.array(z.string()).min(1), staffId: z.uuid() }).strict();
    const result = schema.safeParse({ fullName: '', roles: [], staffId: 'x', extra: 1 });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(describeIssues(result.error.issues)).toEqual([
        'Naam: is verplicht.',
        'Functies: moet minstens 1 keuze(s) bevatten.',
        'Medewerker: is geen geldige verwijzing.',
        'Invoer: bevat onbekende velden: extra.',
      ]);
    }
  });

  it('user names are lower-cased and limited to safe characters', () => {
    expect(userNameSchema.parse('  JJansen ')).toBe('jjansen');
    expect(userNameSchema.safeParse('j jansen').success).toBe(false);
    expect(userNameSchema.safeParse('../etc').success).toBe(false);
  });
});
