import { PDFArray, PDFDict, PDFName, PDFPageLeaf, PDFRef, PDFStream, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';
import { RedactionError } from './errors.js';

/**
 * What a copied page may keep: what it looks like, nothing else. Annotations (and through them form
 * fields, pop-ups and file attachments), actions, thumbnails (a picture of the unredacted page),
 * page-level metadata and associated files all stay behind.
 */
const PAGE_KEYS = new Set(['Type', 'Resources', 'Contents', 'MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Rotate', 'Group', 'UserUnit']);
const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;

/** Keys that carry content beside the visible page, wherever they sit (images, forms, fonts). */
const STRIPPED_KEYS = ['Metadata', 'PieceInfo', 'LastModified', 'AF', 'OPI', 'Alternates', 'Thumb', 'StructParent', 'StructParents', 'AA'];

/** Reduces a source page to its appearance, in place, before pdf-lib copies it with everything it references. */
export function stripPage(page: PDFPageLeaf): void {
  for (const key of INHERITED) {
    const name = PDFName.of(key);
    const value = page.getInheritableAttribute(name);
    if (value && !page.get(name)) page.set(name, value);
  }
  for (const key of page.keys()) if (!PAGE_KEYS.has(key.decodeText())) page.delete(key);
}

/** Pages of the output: pdf-lib adds an empty /Annots to every page it draws on. */
function stripOutputPage(page: PDFPageLeaf): void {
  for (const key of page.keys()) if (!PAGE_KEYS.has(key.decodeText()) && key.decodeText() !== 'Parent') page.delete(key);
}

function children(object: PDFObject): PDFObject[] {
  if (object instanceof PDFDict) return object.values();
  if (object instanceof PDFArray) return object.asArray();
  if (object instanceof PDFStream) return object.dict.values();
  return [];
}

function nameOf(dict: PDFDict, key: string): string | undefined {
  const value = dict.get(PDFName.of(key));
  return value instanceof PDFName ? value.decodeText() : undefined;
}

/**
 * A kept page's content may still point at its layers (/OC … BDC), so layer objects stay; their
 * names and usage (which can name the author) do not. Without /OCProperties every layer shows, so
 * content that was hidden becomes visible: it was in the file all along, and the text search saw it.
 */
function neutralizeLayer(dict: PDFDict): void {
  dict.set(PDFName.of('Name'), PDFString.of('Laag'));
  dict.delete(PDFName.of('Usage'));
}

function stripKeys(object: PDFObject): void {
  const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
  if (dict) {
    for (const key of STRIPPED_KEYS) dict.delete(PDFName.of(key));
    if (nameOf(dict, 'Type') === 'OCG') neutralizeLayer(dict);
  }
  for (const child of children(object)) if (!(child instanceof PDFRef)) stripKeys(child);
}

/**
 * The output is written from scratch, and pdf-lib writes every object it holds, referenced or not;
 * anything a copy pulled in and a strip cut loose is removed here, so it cannot ride along unseen.
 */
function dropUnreachable(doc: PDFDocument): void {
  const { context } = doc;
  const seen = new Set<string>();
  const queue: PDFObject[] = [];
  const visit = (object: PDFObject | undefined) => {
    if (object) queue.push(object);
  };
  visit(context.trailerInfo.Root);
  visit(context.trailerInfo.Info);
  while (queue.length > 0) {
    const object = queue.pop();
    if (object instanceof PDFRef) {
      if (seen.has(object.tag)) continue;
      seen.add(object.tag);
      visit(context.lookup(object));
    } else if (object) {
      for (const child of children(object)) visit(child);
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!seen.has(ref.tag)) context.delete(ref);
}

/** Catalog and trailer hold only what a plain document needs: no outlines, names, forms, layers, labels, scripts or XMP. */
export function sanitizeOutput(doc: PDFDocument): void {
  for (const key of doc.catalog.keys()) if (!['Type', 'Pages'].includes(key.decodeText())) doc.catalog.delete(key);
  for (const page of doc.getPages()) stripOutputPage(page.node);
  for (const [, object] of doc.context.enumerateIndirectObjects()) stripKeys(object);
  dropUnreachable(doc);
}

const FORBIDDEN_TYPES = new Set(['Annot', 'Filespec', 'EmbeddedFile', 'Action', 'Outlines', 'Sig', 'XFA']);
const FORBIDDEN_ACTIONS = new Set(['JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'GoToE', 'Rendition']);

/**
 * A last look at the finished document before it is written: no object of a kind that can carry
 * hidden content may exist. Throws `verification-failed` (a bug of ours, never the user's input).
 */
export function assertSanitized(doc: PDFDocument): void {
  const catalogKeys = doc.catalog.keys().map((k) => k.decodeText());
  if (catalogKeys.some((k) => !['Type', 'Pages'].includes(k))) throw new RedactionError('verification-failed', { cause: 'catalog keeps an entry' });
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    if (!dict) continue;
    const type = nameOf(dict, 'Type');
    const action = nameOf(dict, 'S');
    if ((type && FORBIDDEN_TYPES.has(type)) || (action && FORBIDDEN_ACTIONS.has(action)) || dict.has(PDFName.of('JS'))) {
      throw new RedactionError('verification-failed', { cause: `an object of type ${type ?? action ?? 'JS'} survived` });
    }
    if (type === 'OCG' && (dict.has(PDFName.of('Usage')) || dict.get(PDFName.of('Name'))?.toString() !== '(Laag)')) {
      throw new RedactionError('verification-failed', { cause: 'a layer keeps its name' });
    }
    if (dict instanceof PDFPageLeaf && dict.keys().some((k) => !PAGE_KEYS.has(k.decodeText()) && k.decodeText() !== 'Parent')) {
      throw new RedactionError('verification-failed', { cause: 'a page keeps an entry' });
    }
  }
}
