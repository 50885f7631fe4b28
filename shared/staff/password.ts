/**
 * Password rules for local staff accounts. The password protects the database key (argon2id),
 * so it is the only thing between a stolen laptop and the case files: long beats clever.
 * Returns Dutch problems, empty when the password is acceptable.
 */
export const MIN_PASSWORD_LENGTH = 12;

const COMMON = ['wachtwoord', 'password', 'welkom', 'qwerty', 'azerty', '123456', 'alliantie', 'geheim', 'letmein'];

export function passwordProblems(password: string, userName = ''): string[] {
  const problems: string[] = [];
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) {
    problems.push(`Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens lang zijn.`);
  }
  const classes = [/[a-z]/u, /[A-Z]/u, /[0-9]/u, /[^A-Za-z0-9]/u].filter((re) => re.test(password)).length;
  // A passphrase of 20+ characters is strong enough without mixed character classes.
  if (chars.length < 20 && classes < 3) {
    problems.push('Gebruik minstens drie van: kleine letters, hoofdletters, cijfers en leestekens (of een wachtzin van 20 tekens of meer).');
  }
  if (new Set(chars).size < 6) {
    problems.push('Het wachtwoord bestaat uit te weinig verschillende tekens.');
  }
  const lower = password.toLowerCase();
  if (COMMON.some((word) => lower.includes(word))) {
    problems.push('Het wachtwoord bevat een veelgebruikt woord.');
  }
  if (userName.length >= 3 && lower.includes(userName.toLowerCase())) {
    problems.push('Het wachtwoord mag de gebruikersnaam niet bevatten.');
  }
  return problems;
}
