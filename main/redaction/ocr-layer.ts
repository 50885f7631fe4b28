import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';

/** A word of the invisible layer, in points of the output page (origin bottom-left). */
export interface HiddenWord {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Draws words as invisible text (render mode 3, as scanners write their OCR layer): nothing shows,
 * but readers, search and screen readers find each word where its pixels are. Characters the font
 * cannot encode become '?'. Returns the strings drawn, in order, so the caller can check that the
 * page holds nothing else.
 */
export function drawInvisibleWords(page: PDFPage, font: PDFFont, words: readonly HiddenWord[]): string[] {
  const supported = new Set(font.getCharacterSet());
  const key = page.node.newFontDictionary('Ocr', font.ref);
  const drawn: string[] = [];
  const ops = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  for (const word of words) {
    const text = [...word.text].map((c) => (supported.has(c.codePointAt(0) ?? 0) ? c : '?')).join('');
    if (text.trim().length === 0 || word.width <= 0 || word.height <= 0) continue;
    // The word's ink is about cap height plus descender; a size of that height puts the glyphs over it.
    const size = word.height;
    const natural = font.widthOfTextAtSize(text, size);
    const squeeze = natural > 0 ? Math.max(1, Math.min(1000, (100 * word.width) / natural)) : 100;
    ops.push(
      setFontAndSize(key, size),
      setCharacterSqueeze(squeeze),
      setTextMatrix(1, 0, 0, 1, word.x, word.y + 0.2 * word.height),
      showText(font.encodeText(`${text} `)),
    );
    drawn.push(text);
  }
  ops.push(endText(), popGraphicsState());
  if (drawn.length > 0) page.pushOperators(...ops);
  return drawn;
}
