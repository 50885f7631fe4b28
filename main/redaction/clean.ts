import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';
import { cleanContent, stripJpeg } from './content.js';

/**
 * Every page cleaned, whether or not it gets a box: the content of pages, form XObjects and tiling
 * patterns rewritten without comments or marked-content properties, resources nothing uses
 * dropped, image and form dictionaries reduced to the keys that draw, and JPEGs without their
 * metadata segments. Runs on the whole document before PDFium redacts it, so every later reading
 * (the redaction's own checks, the verification) sees the cleaned page.
 */

const RESOURCE_KINDS = ['XObject', 'Font', 'ExtGState', 'ColorSpace', 'Pattern', 'Shading', 'Properties'] as const;
/** Used without being named in the content. */
const IMPLICIT = new Set(['DefaultRGB', 'DefaultGray', 'DefaultCMYK']);
const STREAM_KEYS = ['Length', 'Filter', 'DecodeParms'];
const FORM_KEYS = new Set(['Type', 'Subtype', 'FormType', 'BBox', 'Matrix', 'Resources', 'Group', 'OC', ...STREAM_KEYS]);
const PATTERN_KEYS = new Set(['Type', 'PatternType', 'PaintType', 'TilingType', 'BBox', 'XStep', 'YStep', 'Resources', 'Matrix', ...STREAM_KEYS]);
const IMAGE_KEYS = new Set([
  'Type',
  'Subtype',
  'Width',
  'Height',
  'ColorSpace',
  'BitsPerComponent',
  'Intent',
  'ImageMask',
  'Mask',
  'Decode',
  'Interpolate',
  'SMask',
  'SMaskInData',
  'Matte',
  'OC',
  ...STREAM_KEYS,
]);

function nameOf(dict: PDFDict, key: string): string | undefined {
  const value = dict.get(PDFName.of(key));
  return value instanceof PDFName ? value.decodeText() : undefined;
}

function keepOnly(dict: PDFDict, keys: ReadonlySet<string>): void {
  for (const key of dict.keys()) if (!keys.has(key.decodeText())) dict.delete(key);
}

/** The decoded bytes of a content stream, or null if its filter is one we cannot undo (left as it is). */
function decode(stream: PDFStream): string | null {
  if (!(stream instanceof PDFRawStream)) return null;
  const filter = stream.dict.get(PDFName.of('Filter'));
  const names =
    filter instanceof PDFName
      ? [filter.decodeText()]
      : filter instanceof PDFArray
        ? filter.asArray().map((f) => (f instanceof PDFName ? f.decodeText() : '?'))
        : [];
  if (stream.dict.has(PDFName.of('DecodeParms'))) return null;
  try {
    if (names.length === 0) return Buffer.from(stream.contents).toString('latin1');
    if (names.length === 1 && names[0] === 'FlateDecode') return inflateSync(stream.contents).toString('latin1');
  } catch {
    return null;
  }
  return null;
}

export interface CleanReport {
  /** Content streams whose encoding could not be undone, so comments in them could stay. */
  uncleaned: number;
}

class Cleaner {
  private readonly done = new Set<string>();
  uncleaned = 0;

  constructor(private readonly doc: PDFDocument) {}

  /** Node's zlib rather than pdf-lib's JavaScript deflate: the same stream, several times faster. */
  private flate(content: string): PDFRawStream {
    return this.doc.context.stream(deflateSync(Buffer.from(content, 'latin1')), { Filter: 'FlateDecode' });
  }

  private lookup(object: PDFObject | undefined): PDFObject | undefined {
    return object instanceof PDFRef ? this.doc.context.lookup(object) : object;
  }

  private dict(object: PDFObject | undefined): PDFDict | undefined {
    const value = this.lookup(object);
    return value instanceof PDFDict ? value : undefined;
  }

  /** A private copy of a resource dictionary (shared ones would be pruned for every user at once). */
  private ownResources(holder: PDFDict): PDFDict | undefined {
    const source = this.dict(holder.get(PDFName.of('Resources')));
    if (!source) return undefined;
    const copy = this.doc.context.obj({});
    for (const kind of [...RESOURCE_KINDS, 'ProcSet']) {
      const value = this.lookup(source.get(PDFName.of(kind)));
      if (value instanceof PDFDict) copy.set(PDFName.of(kind), value.clone(this.doc.context));
      else if (value) copy.set(PDFName.of(kind), value);
    }
    holder.set(PDFName.of('Resources'), copy);
    return copy;
  }

  private isLayer(resources: PDFDict | undefined, name: string): boolean {
    const props = this.dict(resources?.get(PDFName.of('Properties')));
    const layer = this.dict(props?.get(PDFName.of(name)));
    const type = layer ? nameOf(layer, 'Type') : undefined;
    return type === 'OCG' || type === 'OCMD';
  }

  private rewrite(content: string, resources: PDFDict | undefined): { content: string; names: Set<string> } {
    return cleanContent(content, (name) => this.isLayer(resources, name));
  }

  private prune(resources: PDFDict, used: ReadonlySet<string>): void {
    for (const kind of RESOURCE_KINDS) {
      const sub = resources.get(PDFName.of(kind));
      if (!(sub instanceof PDFDict)) continue;
      for (const key of sub.keys()) if (!used.has(key.decodeText()) && !IMPLICIT.has(key.decodeText())) sub.delete(key);
    }
  }

  /** Cleans what a resource dictionary points at: forms, patterns and images, once each. */
  private resources(resources: PDFDict | undefined): void {
    if (!resources) return;
    for (const kind of ['XObject', 'Pattern'] as const) {
      const sub = this.dict(resources.get(PDFName.of(kind)));
      for (const value of sub?.values() ?? []) if (value instanceof PDFRef) this.stream(value);
    }
  }

  private stream(ref: PDFRef): void {
    if (this.done.has(ref.tag)) return;
    this.done.add(ref.tag);
    const stream = this.doc.context.lookup(ref);
    if (!(stream instanceof PDFStream)) return;
    const subtype = nameOf(stream.dict, 'Subtype');
    if (subtype === 'Image') {
      this.image(ref, stream);
      return;
    }
    const isForm = subtype === 'Form';
    const isTiling = stream.dict.get(PDFName.of('PatternType'))?.toString() === '1';
    if (!isForm && !isTiling) return;
    const resources = this.ownResources(stream.dict);
    const content = decode(stream);
    if (content === null) {
      this.uncleaned++;
      keepOnly(stream.dict, isForm ? FORM_KEYS : PATTERN_KEYS);
      this.resources(resources);
      return;
    }
    const cleaned = this.rewrite(content, resources);
    if (resources) this.prune(resources, cleaned.names);
    const fresh = this.flate(cleaned.content);
    for (const [key, value] of stream.dict.entries()) if (!STREAM_KEYS.includes(key.decodeText())) fresh.dict.set(key, value);
    keepOnly(fresh.dict, isForm ? FORM_KEYS : PATTERN_KEYS);
    this.doc.context.assign(ref, fresh);
    this.resources(resources);
  }

  private image(ref: PDFRef, stream: PDFStream): void {
    keepOnly(stream.dict, IMAGE_KEYS);
    const smask = stream.dict.get(PDFName.of('SMask'));
    if (smask instanceof PDFRef) this.stream(smask);
    if (!(stream instanceof PDFRawStream) || nameOf(stream.dict, 'Filter') !== 'DCTDecode') return;
    const stripped = stripJpeg(stream.contents);
    if (!stripped) return;
    const dict = stream.dict.clone(this.doc.context);
    dict.set(PDFName.of('Length'), this.doc.context.obj(stripped.length));
    this.doc.context.assign(ref, PDFRawStream.of(dict, stripped));
  }

  page(node: PDFDict): void {
    const resources = this.ownResources(node);
    const contents = this.lookup(node.get(PDFName.of('Contents')));
    const streams = (contents instanceof PDFArray ? contents.asArray().map((c) => this.lookup(c)) : [contents]).filter(
      (s): s is PDFStream => s instanceof PDFStream,
    );
    const parts = streams.map(decode);
    if (parts.some((p) => p === null)) {
      this.uncleaned++;
      this.resources(resources);
      return;
    }
    const cleaned = this.rewrite(parts.join('\n'), resources);
    // A form without resources of its own borrows the page's: then the page's must all stay.
    const borrows = [...cleaned.names].some((n) => {
      const xobject = this.lookup(this.dict(resources?.get(PDFName.of('XObject')))?.get(PDFName.of(n)));
      return xobject instanceof PDFStream && nameOf(xobject.dict, 'Subtype') === 'Form' && !xobject.dict.has(PDFName.of('Resources'));
    });
    if (resources && !borrows) this.prune(resources, cleaned.names);
    node.set(PDFName.of('Contents'), this.doc.context.register(this.flate(cleaned.content)));
    this.resources(resources);
  }
}

export function cleanDocument(doc: PDFDocument): CleanReport {
  const cleaner = new Cleaner(doc);
  for (const page of doc.getPages()) cleaner.page(page.node);
  return { uncleaned: cleaner.uncleaned };
}
