import { describe, expect, it } from 'vitest';
import { layoutLetter, renderLetterPdf } from '../../main/letters/layout.js';
import { buildLetter } from '../../shared/letters/build.js';
import { DEFAULT_LETTERHEAD } from '../../shared/letters/letterhead.js';
import { LETTER_KINDS, type LetterContent } from '../../shared/letters/types.js';
import { layoutProblems, readGlyphs } from '../support/layout-check.js';
import { LETTER_SAMPLES, type LetterVariant } from '../support/letter-samples.js';

/**
 * Every letter kind, short and long, rendered to the real PDF and read back glyph by glyph with
 * PDFium: no overprinted lines, nothing outside the margins, no heading alone at a page foot, no
 * short paragraph or closing split over two pages, and only the address in the envelope window.
 * The long variant is rendered with several paddings so page breaks fall in many places.
 */
const NOW = new Date('2026-11-25T10:00:00Z');
const PADDINGS = [0, 1, 2, 3, 4, 5, 6, 7];

async function render(content: LetterContent, variant: LetterVariant): Promise<Buffer> {
  if (variant === 'short') return renderLetterPdf(content, { letterhead: DEFAULT_LETTERHEAD, draft: true, now: NOW });
  const laid = await layoutLetter(content, {
    letterhead: DEFAULT_LETTERHEAD,
    draft: false,
    now: NOW,
    signature: { name: 'Sanne Ağaoğlu', functionTitle: 'Teamleider Privacy', date: '2026-11-25', imagePng: null },
  });
  return Buffer.from(await laid.pdf.save());
}

describe('letters hold on paper (glyph boxes read back with PDFium)', () => {
  it.each(LETTER_KINDS.flatMap((kind) => (['short', 'long'] as const).map((variant) => [kind, variant] as const)))('%s (%s)', async (kind, variant) => {
    const sample = (LETTER_SAMPLES as Partial<typeof LETTER_SAMPLES>)[kind];
    expect(sample, `geen voorbeeld voor briefsoort ${kind} in test/support/letter-samples.ts`).toBeDefined();
    if (!sample) return;
    const problems: string[] = [];
    for (const padding of variant === 'short' ? [0] : PADDINGS) {
      const content = buildLetter(sample(variant, padding));
      const pdf = await render(content, variant);
      problems.push(...(await layoutProblems(pdf, content)).map((p) => `[opvulling ${String(padding)}] ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('the long variants break pages: most kinds run over more than one page', async () => {
    const pages = await Promise.all(
      LETTER_KINDS.map(async (kind) => (await readGlyphs(await render(buildLetter(LETTER_SAMPLES[kind]('long', PADDINGS.length - 1)), 'long'))).length),
    );
    expect(pages.filter((n) => n > 1).length).toBeGreaterThanOrEqual(Math.ceil((LETTER_KINDS.length * 2) / 3));
  });
});
