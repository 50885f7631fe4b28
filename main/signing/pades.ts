import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf, Signer } from '@signpdf/signpdf';
import forge from 'node-forge';
import { createHash, createPrivateKey, createPublicKey, sign, X509Certificate, type KeyObject } from 'node:crypto';
import type { PDFDocument } from 'pdf-lib';
import { dutchToday } from '../../shared/cases/cases.js';
import { formatDutchDate } from '../../shared/deadlines/dates.js';
import { DomainError } from '../platform/errors.js';

/**
 * PAdES baseline B-B signatures (ETSI EN 319 142-1): SubFilter ETSI.CAdES.detached, a CMS
 * SignedData over the byte range with the signed attributes content-type, message-digest and the
 * ESS signing-certificate-v2 that binds the signer's certificate, and no signing-time attribute
 * (the time is the signature dictionary's /M). @signpdf/signer-p12 writes adbe.pkcs7.detached
 * attributes (signing-time, no signing certificate), which PAdES validators reject, so the CMS is
 * built here with node-forge's ASN.1 encoder and signed with Node's crypto (RSA or ECDSA).
 * @signpdf/placeholder-pdf-lib reserves the space and @signpdf/signpdf fills the byte range.
 */
export interface SigningIdentity {
  key: KeyObject;
  /** The signer's certificate, DER. */
  certificate: Buffer;
  /** Every certificate in the PKCS#12 (signer first), DER: embedded so validators can build the chain. */
  chain: Buffer[];
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: Date;
  validTo: Date;
  /** SHA-256 of the signer's certificate, hex. */
  fingerprint: string;
}

const { asn1 } = forge;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

const binary = (b: Buffer) => b.toString('binary');
const seq = (value: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, value);
const set = (value: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, value);
const oid = (id: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (b: Buffer) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, binary(b));
const integer = (n: number) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const tagged = (tag: number, value: forge.asn1.Asn1[]) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, value);
const toDer = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const fromDer = (b: Buffer) => asn1.fromDer(forge.util.createBuffer(binary(b)));

/** The issuer Name and serialNumber of a certificate, as they are encoded in it. */
function issuerAndSerial(certificate: Buffer): { issuer: forge.asn1.Asn1; serial: forge.asn1.Asn1 } {
  const cert = fromDer(certificate);
  const tbs = (cert.value as forge.asn1.Asn1[])[0];
  const fields = (tbs?.value ?? []) as forge.asn1.Asn1[];
  // TBSCertificate starts with an optional [0] version.
  const offset = fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (!serial || !issuer) throw new Error('certificate without issuer or serial');
  return { issuer, serial };
}

/** A CMS SignedData (detached) over `content`, as PAdES B-B wants it. */
export function cadesDetached(content: Buffer, identity: SigningIdentity): Buffer {
  const { issuer, serial } = issuerAndSerial(identity.certificate);
  const certHash = createHash('sha256').update(identity.certificate).digest();
  const essCertIdV2 = seq([octets(certHash), seq([seq([tagged(4, [issuer])]), serial])]);
  const attributes = [
    seq([oid(OID.contentType), set([oid(OID.data)])]),
    seq([oid(OID.messageDigest), set([octets(createHash('sha256').update(content).digest())])]),
    seq([oid(OID.signingCertificateV2), set([seq([seq([essCertIdV2])])])]),
  ];
  // DER: the members of a SET OF in the order of their encodings.
  const sorted = attributes.map((a) => ({ a, der: toDer(a) })).sort((x, y) => Buffer.compare(x.der, y.der));
  const signedAttributes = toDer(set(sorted.map((x) => x.a)));
  const rsa = identity.key.asymmetricKeyType === 'rsa';
  const signature = sign('sha256', signedAttributes, identity.key);
  const signerInfo = seq([
    integer(1),
    seq([issuer, serial]),
    seq([oid(OID.sha256)]),
    tagged(
      0,
      sorted.map((x) => x.a),
    ),
    rsa ? seq([oid(OID.rsaEncryption), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]) : seq([oid(OID.ecdsaWithSha256)]),
    octets(signature),
  ]);
  const signedData = seq([integer(1), set([seq([oid(OID.sha256)])]), seq([oid(OID.data)]), tagged(0, identity.chain.map(fromDer)), set([signerInfo])]);
  return toDer(seq([oid(OID.signedData), tagged(0, [signedData])]));
}

class CadesSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override sign(content: Buffer): Promise<Buffer> {
    return Promise.resolve(cadesDetached(content, this.identity));
  }
}

/** The Dutch refusal for a PKCS#12 that does not open or does not fit. */
const p12Error = (message: string, cause?: unknown) => new DomainError('VALIDATION', message, { cause });

/** Opens a PKCS#12 (.p12/.pfx): the private key and the certificate that belongs to it. */
export function readPkcs12(p12: Buffer, password: string): SigningIdentity {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(fromDer(p12), false, password);
  } catch (error) {
    const text = error instanceof Error ? error.message : '';
    if (/password|MAC/iu.test(text)) throw p12Error('Het wachtwoord van het PKCS#12-bestand klopt niet.', error);
    throw p12Error('Dit is geen geldig PKCS#12-bestand (.p12 of .pfx).', error);
  }
  const bags = pfx.safeContents.flatMap((c) => c.safeBags);
  const keyBag = bags.find((b) => b.type === forge.pki.oids.pkcs8ShroudedKeyBag || b.type === forge.pki.oids.keyBag);
  if (!keyBag) throw p12Error('Het PKCS#12-bestand bevat geen privésleutel.');
  // forge reads RSA keys itself; any other key type (EC) it leaves as PrivateKeyInfo, which Node reads.
  const pkcs8 = keyBag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key)) : keyBag.asn1;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: toDer(pkcs8), format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw p12Error('De privésleutel in het PKCS#12-bestand kan niet worden gelezen.', error);
  }
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const certificates = bags.filter((b) => b.type === forge.pki.oids.certBag).map((b) => (b.cert ? toDer(forge.pki.certificateToAsn1(b.cert)) : toDer(b.asn1)));
  const signer = certificates.find((der) => new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' }).equals(spki));
  if (!signer) throw p12Error('Het PKCS#12-bestand bevat geen certificaat dat bij de privésleutel hoort.');
  const x509 = new X509Certificate(signer);
  return {
    key,
    certificate: signer,
    chain: [signer, ...certificates.filter((c) => c !== signer)],
    subject: x509.subject.replace(/\n/gu, ', '),
    issuer: x509.issuer.replace(/\n/gu, ', '),
    serialNumber: x509.serialNumber,
    validFrom: new Date(x509.validFrom),
    validTo: new Date(x509.validTo),
    fingerprint: x509.fingerprint256.replace(/:/gu, '').toLowerCase(),
  };
}

/** The refusal when the certificate cannot sign today. */
export function assertValidOn(identity: SigningIdentity, now: Date): void {
  const day = (d: Date) => formatDutchDate(dutchToday(d));
  if (now < identity.validFrom) throw new DomainError('CONFLICT', `Het certificaat van de organisatie is pas geldig vanaf ${day(identity.validFrom)}.`);
  if (now > identity.validTo)
    throw new DomainError(
      'CONFLICT',
      `Het certificaat van de organisatie is verlopen op ${day(identity.validTo)}. Functioneel beheer stelt een nieuw certificaat in.`,
    );
}

/** PDF strings in the signature dictionary are PDFDocEncoding: keep them to plain ASCII. */
const pdfText = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^\x20-\x7e]/gu, '?');

export interface SignatureDictionary {
  reason: string;
  location: string;
  contactInfo: string;
  name: string;
}

/**
 * Signs a laid-out letter: a signature field over the visible signature block on `pageIndex`,
 * then the PAdES signature over the whole file. Returns the signed PDF.
 */
export async function signPdf(
  pdf: PDFDocument,
  pageIndex: number,
  rect: [number, number, number, number],
  identity: SigningIdentity,
  dict: SignatureDictionary,
  at: Date,
): Promise<Buffer> {
  const page = pdf.getPage(pageIndex);
  const chainBytes = identity.chain.reduce((n, c) => n + c.length, 0);
  pdflibAddPlaceholder({
    pdfDoc: pdf,
    pdfPage: page,
    reason: pdfText(dict.reason),
    location: pdfText(dict.location),
    contactInfo: pdfText(dict.contactInfo),
    name: pdfText(dict.name),
    signingTime: at,
    // Room for the certificates, the attributes and a signature of up to 8192 bits.
    signatureLength: Math.max(8192, chainBytes + 4096),
    subFilter: 'ETSI.CAdES.detached',
    widgetRect: rect,
    appName: 'AVG Desk',
  });
  // Without object streams the signature dictionary is plain text where @signpdf looks for it.
  const prepared = Buffer.from(await pdf.save({ useObjectStreams: false }));
  return new SignPdf().sign(prepared, new CadesSigner(identity));
}
