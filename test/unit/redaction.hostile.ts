import jpeg from 'jpeg-js';
import { type PDFDocument, PDFName, PDFString, type PDFPage } from 'pdf-lib';
import { buildPages, NAME } from './redaction.fixtures.js';

/**
 * Hand-built PDFs that hide a name the way real files do: in comments, marked-content properties,
 * unused forms, private keys, JPEG segments, fonts that lie about where their glyphs are, damaged
 * cross-reference tables. Made-up people only; built at test time, nothing binary is committed.
 */

export const OTHER_WORDS = 'Wij hebben uw brief over de reparatie ontvangen.';

function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = marker;
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** A small JPEG with an EXIF segment (artist), an XMP packet and a comment, each naming the person. */
export function jpegWithMetadata(name: string): Buffer {
  const width = 32;
  const height = 16;
  const data = Buffer.alloc(width * height * 4, 160);
  const plain = Buffer.from(jpeg.encode({ width, height, data }, 85).data);
  const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(`MM\0*\0\0\0\bArtist ${name}`, 'latin1')]));
  const xmp = segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>${name}</dc:creator></x:xmpmeta>`, 'latin1'));
  const comment = segment(0xfe, Buffer.from(`Foto van ${name}`, 'latin1'));
  return Buffer.concat([plain.subarray(0, 2), exif, xmp, comment, plain.subarray(2)]);
}

/**
 * Page 1 holds the name in a line of text (to be boxed) and other words; page 2 has no box but
 * hides the name in a content-stream comment, an /ActualText span, a marked point, an unused form
 * XObject, a private key of its picture and in the picture's JPEG metadata.
 */
export function buildHidingPlaces(): Promise<Buffer> {
  return buildPages(
    [
      `BT /F1 12 Tf 72 760 Td (Geachte heer ${NAME},) Tj ET\nBT /F1 12 Tf 72 740 Td (${OTHER_WORDS}) Tj ET`,
      `% opgesteld door ${NAME}
/Span <</ActualText (${NAME})>> BDC BT /F1 12 Tf 72 760 Td (Tekst zonder naam.) Tj ET EMC
/Note <</Auteur (${NAME})>> DP
/P <</MCID 0 /Alt (${NAME})>> BDC BT /F1 12 Tf 72 740 Td (${OTHER_WORDS}) Tj ET EMC
q 64 0 0 32 72 600 cm /Foto Do Q`,
    ],
    (doc: PDFDocument, pages: PDFPage[]) => {
      const page = pages[1];
      if (!page) return;
      const { context } = doc;
      const photo = context.register(
        context.stream(jpegWithMetadata(NAME), {
          Type: 'XObject',
          Subtype: 'Image',
          Width: 32,
          Height: 16,
          ColorSpace: 'DeviceRGB',
          BitsPerComponent: 8,
          Filter: 'DCTDecode',
          Fotograaf: PDFString.of(NAME),
        }),
      );
      const unused = context.register(
        context.flateStream(`BT /F1 12 Tf 0 0 Td (${NAME}) Tj ET`, {
          Type: 'XObject',
          Subtype: 'Form',
          BBox: [0, 0, 200, 20],
          Resources: { Font: { F1: page.node.Resources()?.get(PDFName.of('Font')) ?? context.obj({}) } },
        }),
      );
      page.node.setXObject(PDFName.of('Foto'), photo);
      page.node.setXObject(PDFName.of('Ongebruikt'), unused);
    },
  );
}

const CMAP = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfrange <20> <7E> <0020> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`;

/** Where a Type3 font says its glyphs are (FontBBox height) and where its bars really stand, in thousandths of the em. */
export interface Type3Lie {
  /** Also the glyph box each glyph declares (d1) when `declared`, instead of none (d0). */
  bboxTop: number;
  declared?: boolean;
  barBottom: number;
  barHeight: number;
}

/**
 * A Type3 font whose glyphs (solid bars) are drawn a full em above where the font says they are:
 * boxes from its metrics land under the ink. The name in that font, with other words in Helvetica
 * on the lines around it. With `lie`, the bars stand elsewhere, or the font says it is shorter
 * than its glyphs (a FontBBox of a tenth of the em over bars 0.7 em high).
 */
export function buildType3Offset(lie: Type3Lie = { bboxTop: 700, barBottom: 1000, barHeight: 700 }): Promise<Buffer> {
  return buildPages(
    [`BT /F1 12 Tf 72 790 Td (${OTHER_WORDS}) Tj ET\nBT /T3 12 Tf 72 760 Td (${NAME}) Tj ET\nBT /F1 12 Tf 72 700 Td (Met vriendelijke groet.) Tj ET`],
    (doc, pages) => {
      const { context } = doc;
      const bar = context.register(
        context.stream(`600 0 ${lie.declared ? `0 0 600 ${String(lie.bboxTop)} d1` : 'd0'} 60 ${String(lie.barBottom)} 480 ${String(lie.barHeight)} re f`),
      );
      const space = context.register(context.stream('300 0 d0'));
      const names: (string | number)[] = [32];
      const procs: Record<string, ReturnType<typeof context.register>> = {};
      for (let code = 32; code <= 126; code++) {
        names.push(`g${String(code)}`);
        procs[`g${String(code)}`] = code === 32 ? space : bar;
      }
      const font = context.register(
        context.obj({
          Type: 'Font',
          Subtype: 'Type3',
          FontBBox: [0, 0, 600, lie.bboxTop],
          FontMatrix: [0.001, 0, 0, 0.001, 0, 0],
          FirstChar: 32,
          LastChar: 126,
          Widths: Array.from({ length: 95 }, (_, i) => (i === 0 ? 300 : 600)),
          Encoding: { Type: 'Encoding', Differences: names.map((n) => (typeof n === 'number' ? n : PDFName.of(n))) },
          CharProcs: procs,
          Resources: {},
          ToUnicode: context.register(context.stream(CMAP)),
        }),
      );
      pages[0]?.node.setFontDictionary(PDFName.of('T3'), font);
    },
  );
}

/** The same bytes with `startxref` pointing into nowhere: readers must rebuild the table by scanning. */
export function withBrokenXref(pdf: Buffer): Buffer {
  return Buffer.from(pdf.toString('latin1').replace(/startxref\s+\d+/u, 'startxref\n123'), 'latin1');
}
