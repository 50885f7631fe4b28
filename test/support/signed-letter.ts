import { layoutLetter } from '../../main/letters/layout.js';
import { signPdf, type SigningIdentity } from '../../main/signing/pades.js';
import { DEFAULT_LETTERHEAD } from '../../shared/letters/letterhead.js';
import type { LetterContent } from '../../shared/letters/types.js';

/** A final letter laid out with Sanne's signature block (and image) and sealed with the organisation's certificate at `now`. */
export async function signedLetter(content: LetterContent, identity: SigningIdentity, now: Date, image: Uint8Array | null = null): Promise<Buffer> {
  const laid = await layoutLetter(content, {
    letterhead: DEFAULT_LETTERHEAD,
    draft: false,
    now,
    signature: { name: 'Sanne Ağaoğlu', functionTitle: 'Teamleider Privacy', date: now.toISOString().slice(0, 10), imagePng: image },
  });
  const seal = { reason: 'Goedgekeurd', location: 'Hilversum', contactInfo: 'info@example.org', name: 'Stichting Testwonen' };
  return signPdf(laid.pdf, laid.signatureArea.page, laid.signatureArea.rect, identity, seal, now);
}
