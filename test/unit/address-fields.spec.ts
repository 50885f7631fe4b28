import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every address the team types is entered in one form (renderer/src/ui/AddressField.tsx): the same two-line box, the
 * same hint, the same limit. A screen that binds an address to its own Input or Textarea brings back the mix the
 * language pass found (a two-line box at intake, one line with "separate the lines with a comma" in the letters, one
 * line with another example for third parties).
 */
const RENDERER = fileURLToPath(new URL('../../renderer/src/', import.meta.url));
const SHARED_FIELD = 'ui/AddressField.tsx';

function components(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? components(join(dir, entry.name)) : entry.name.endsWith('.tsx') ? [join(dir, entry.name)] : [],
  );
}

/** `<Input … value={….address…}` or a Textarea, across lines: a hand-made address box. */
const OWN_ADDRESS_BOX = /<(?:Input|Textarea)\b[^>]*?value=\{[^}]*[aA]ddress\b[^}]*\}/gsu;

/** The organisation's own letterhead lines are a fixed block of up to four lines, not an address someone gives us. */
const NOT_A_GIVEN_ADDRESS = new Set(['settings/LetterheadSettings.tsx']);

describe('address entry', () => {
  it('every address field outside the shared one is an AddressField', () => {
    const own = components(RENDERER)
      .map((file) => relative(RENDERER, file).split('\\').join('/'))
      .filter((file) => file !== SHARED_FIELD && !NOT_A_GIVEN_ADDRESS.has(file))
      .flatMap((file) => (readFileSync(join(RENDERER, file), 'utf8').match(OWN_ADDRESS_BOX) ?? []).map((box) => `${file}: ${box.split('\n')[0]}`));
    expect(own).toEqual([]);
  });

  it('the shared field is used where addresses are typed: intake, third parties and the letters', () => {
    const users = components(RENDERER)
      .filter((file) => readFileSync(file, 'utf8').includes('<AddressField'))
      .map((file) => relative(RENDERER, file).split('\\').join('/'))
      .sort();
    expect(users).toEqual(['cases/IntakeScreen.tsx', 'dossier/thirdParties/ThirdPartyDialogs.tsx', 'letters/KindFields.tsx']);
  });
});
