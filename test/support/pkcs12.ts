import forge from 'node-forge';
import { generateKeyPairSync } from 'node:crypto';

/**
 * A self-signed PKCS#12 for a made-up organisation, made fresh in each test run: no key material
 * is ever committed. The key comes from Node (fast, native); forge writes the certificate and the
 * PKCS#12.
 */
export function testPkcs12(password: string, options: { commonName?: string; notBefore?: Date; notAfter?: Date; bits?: number } = {}): Buffer {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: options.bits ?? 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01a2b3c4d5';
  cert.validity.notBefore = options.notBefore ?? new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = options.notAfter ?? new Date('2028-01-01T00:00:00Z');
  const name = [
    { name: 'commonName', value: options.commonName ?? 'Stichting Testwonen Zegels' },
    { name: 'organizationName', value: 'Stichting Testwonen (fictief)' },
    { name: 'countryName', value: 'NL' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: 'aes256' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}
