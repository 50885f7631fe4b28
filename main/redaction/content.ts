/**
 * A content stream, rewritten token by token so that nothing rides along that does not paint:
 * comments go, marked-content tags become a neutral /Span and their property lists (/ActualText,
 * /Alt, /E, MCIDs, private keys) go, except a reference to an optional-content group, which decides
 * what is shown. Everything that paints is written back byte for byte.
 */

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

export interface CleanedContent {
  content: string;
  /** Every name the content uses (fonts, XObjects, graphics states …), to prune unused resources. */
  names: Set<string>;
}

type Token = { kind: 'operand' | 'operator'; raw: string };

class Lexer {
  i = 0;

  constructor(private readonly s: string) {}

  private code(at: number): number {
    return this.s.charCodeAt(at);
  }

  private skipWhite(): void {
    for (;;) {
      while (this.i < this.s.length && WHITE.has(this.code(this.i))) this.i++;
      if (this.s[this.i] !== '%') return;
      while (this.i < this.s.length && this.s[this.i] !== '\n' && this.s[this.i] !== '\r') this.i++;
    }
  }

  private literal(): string {
    const start = this.i;
    let depth = 0;
    while (this.i < this.s.length) {
      const c = this.s[this.i++];
      if (c === '\\') this.i++;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    return this.s.slice(start, this.i);
  }

  private regular(): string {
    const start = this.i;
    while (this.i < this.s.length && !WHITE.has(this.code(this.i)) && !DELIMS.has(this.code(this.i))) this.i++;
    return this.s.slice(start, this.i);
  }

  /** One operand (nested arrays and dictionaries whole, comments inside them dropped) or operator; null at the end. */
  next(): Token | null {
    this.skipWhite();
    if (this.i >= this.s.length) return null;
    const c = this.s[this.i] ?? '';
    if (c === '(') return { kind: 'operand', raw: this.literal() };
    if (c === '/') {
      this.i++;
      return { kind: 'operand', raw: `/${this.regular()}` };
    }
    if (c === '<' && this.s[this.i + 1] === '<') return { kind: 'operand', raw: this.compound('<<', '>>') };
    if (c === '<') {
      const end = this.s.indexOf('>', this.i);
      const raw = this.s.slice(this.i, end < 0 ? this.s.length : end + 1);
      this.i += raw.length;
      return { kind: 'operand', raw };
    }
    if (c === '[') return { kind: 'operand', raw: this.compound('[', ']') };
    if (c === ']' || c === '>' || c === ')' || c === '{' || c === '}') {
      this.i++;
      return { kind: 'operand', raw: c };
    }
    const word = this.regular();
    if (word.length === 0) {
      this.i++;
      return { kind: 'operand', raw: c };
    }
    return { kind: /^[+\-.\d]/u.test(word) || word === 'true' || word === 'false' || word === 'null' ? 'operand' : 'operator', raw: word };
  }

  private compound(open: string, close: string): string {
    this.i += open.length;
    const parts: string[] = [open];
    for (;;) {
      this.skipWhite();
      if (this.i >= this.s.length) break;
      if (this.s.startsWith(close, this.i)) {
        this.i += close.length;
        break;
      }
      const t = this.next();
      if (!t) break;
      parts.push(t.raw);
    }
    parts.push(close);
    return parts.join(' ');
  }

  /** The binary data of an inline image, from after ID up to and including EI. */
  inlineData(): string {
    const start = this.i + 1;
    let at = start;
    for (;;) {
      const found = this.s.indexOf('EI', at);
      if (found < 0) {
        this.i = this.s.length;
        return this.s.slice(start);
      }
      const before = this.code(found - 1);
      const after = found + 2 >= this.s.length ? 0x20 : this.code(found + 2);
      if (WHITE.has(before) && WHITE.has(after)) {
        this.i = found + 2;
        return this.s.slice(start, found - 1);
      }
      at = found + 2;
    }
  }
}

const NAME = /\/[^\s()<>[\]{}/%]*/gu;

/**
 * `isOptionalContent(name)` says whether a /Properties resource is a layer (OCG or OCMD): only
 * those are kept as BDC operands, because they decide visibility.
 */
export function cleanContent(content: string, isOptionalContent: (name: string) => boolean): CleanedContent {
  const lexer = new Lexer(content);
  const out: string[] = [];
  const names = new Set<string>();
  let operands: string[] = [];
  for (let t = lexer.next(); t; t = lexer.next()) {
    if (t.kind === 'operand') {
      operands.push(t.raw);
      continue;
    }
    const op = t.raw;
    for (const o of operands) for (const m of o.matchAll(NAME)) names.add(m[0].slice(1));
    if (op === 'BI') {
      // Inline image: its dictionary up to ID, then raw bytes up to EI.
      const dict: string[] = [];
      for (let d = lexer.next(); d && !(d.kind === 'operator' && d.raw === 'ID'); d = lexer.next()) {
        dict.push(d.raw);
        for (const m of d.raw.matchAll(NAME)) names.add(m[0].slice(1));
      }
      out.push(`BI ${dict.join(' ')} ID\n${lexer.inlineData()}\nEI`);
    } else if (op === 'BDC') {
      const props = operands[1] ?? '';
      out.push(props.startsWith('/') && isOptionalContent(props.slice(1)) ? `/OC ${props} BDC` : '/Span BMC');
    } else if (op === 'BMC') {
      out.push('/Span BMC');
    } else if (op === 'MP' || op === 'DP') {
      // A marked point paints nothing; its tag and properties can only carry text.
    } else {
      out.push(operands.length > 0 ? `${operands.join(' ')} ${op}` : op);
    }
    operands = [];
  }
  return { content: out.join('\n'), names };
}

/**
 * A JPEG without its metadata: EXIF (with its thumbnail), XMP, IPTC, comments and any other
 * application segment go; JFIF, Adobe (colour transform) and ICC profiles stay, so it decodes and
 * looks the same. The compressed image data itself is untouched. Returns null if it is not a JPEG
 * this can parse (the caller keeps such an image only if it can re-encode it).
 */
export function stripJpeg(jpeg: Uint8Array): Uint8Array | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  const parts: Uint8Array[] = [jpeg.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= jpeg.length) {
    if (jpeg[i] !== 0xff) return null;
    const marker = jpeg[i + 1] ?? 0;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = ((jpeg[i + 2] ?? 0) << 8) | (jpeg[i + 3] ?? 0);
    const segment = jpeg.subarray(i, i + 2 + length);
    if (marker === 0xda) {
      parts.push(jpeg.subarray(i));
      return Buffer.concat(parts);
    }
    const id = Buffer.from(segment.subarray(4, 18)).toString('latin1');
    const keep =
      (marker === 0xe0 && id.startsWith('JFIF\0')) ||
      (marker === 0xee && id.startsWith('Adobe')) ||
      (marker === 0xe2 && id.startsWith('ICC_PROFILE\0')) ||
      (marker < 0xe0 && marker !== 0xfe);
    if (keep) parts.push(segment);
    i += 2 + length;
  }
  return null;
}
