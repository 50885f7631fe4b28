import { execFileSync } from 'node:child_process';
import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseFileStore, decryptFile, encryptFile, newFileKey, sealedLength } from '../../main/platform/case-files.js';
import { measure, type Figure } from './lib.js';
import { perSecond, type Throughput } from './table.js';

const MIB = 1024 * 1024;
const SIZE = 10 * MIB;
/** The app encrypts in chunks of 64 KiB (main/platform/case-files.ts): openssl measures the same block size. */
const BLOCK = 64 * 1024;
const BLOCK_LABEL = `${String(BLOCK / 1024)} KiB`;
const SSL_ENCRYPT = `openssl speed -evp aes-256-gcm, ${BLOCK_LABEL} blocks`;

/** `openssl speed` for AES-256-GCM on 64 KiB blocks, wall-clock, in MiB/s; null without openssl. */
function opensslSpeed(decrypt: boolean): Throughput | null {
  try {
    const out = execFileSync(
      'openssl',
      ['speed', '-elapsed', '-seconds', '1', '-bytes', String(BLOCK), '-mr', ...(decrypt ? ['-decrypt'] : []), '-evp', 'aes-256-gcm'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const bytesPerSecond = Number(/^\+F:\d+:[^:]+:([\d.]+)/mu.exec(out)?.[1]);
    return Number.isFinite(bytesPerSecond) ? { value: bytesPerSecond / MIB, unit: 'MiB/s' } : null;
  } catch {
    return null;
  }
}

const mibPerSecond = (ms: number) => perSecond(SIZE / MIB, ms, 'MiB/s');

/** Time that a throughput needs for SIZE bytes: lets the reference sit in the p50 column too. */
function timeFor(t: Throughput): number {
  return (SIZE / MIB / t.value) * 1000;
}

/**
 * Case files: the app's chunked AES-256-GCM (STREAM) next to `openssl speed` for the same cipher
 * and block size, and next to Node's AES-256-GCM in one call; writing a case file (encrypt, write,
 * fsync, rename) next to writing the same bytes raw with fsync.
 */
export async function caseFilesBenchmark(): Promise<Figure[]> {
  const plain = randomBytes(SIZE);
  const key = newFileKey();
  const fileId = randomUUID();
  const cipherText = encryptFile(plain, key, fileId);
  const size = '10 MiB, 64 KiB chunks';
  // Output buffers made once, as openssl speed reuses its buffer: a fresh 10 MiB buffer per call
  // costs its page faults, which is the allocator's work, not the cipher's.
  const sealedOut = Buffer.allocUnsafe(sealedLength(SIZE));
  const plainOut = Buffer.allocUnsafe(SIZE);
  const encrypt = await measure(() => encryptFile(plain, key, fileId, sealedOut), 20, 3);
  const decrypt = await measure(() => decryptFile(cipherText, key, fileId, plainOut), 20, 3);
  const oneCall = await measure(
    () => {
      const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
      cipher.update(plain);
      cipher.final();
      cipher.getAuthTag();
    },
    20,
    3,
  );
  // What Node's API allows at best: one context, the same 64 KiB pieces, no per-chunk key setup,
  // tag or copy; each update still returns a freshly allocated buffer (Node has no update into a given one).
  const streamed = await measure(
    () => {
      const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
      for (let at = 0; at < SIZE; at += BLOCK) cipher.update(plain.subarray(at, at + BLOCK));
      cipher.final();
    },
    20,
    3,
  );
  const sslEncrypt = opensslSpeed(false);
  const sslDecrypt = opensslSpeed(true);
  const reference = (t: Throughput | null, what: string) =>
    t ? { reference: { what, p50: timeFor(t), p95: timeFor(t), throughput: t } } : { note: 'openssl not found: no reference' };

  const dir = mkdtempSync(join(tmpdir(), 'avg-desk-bench-files-'));
  try {
    const store = new CaseFileStore(dir);
    const caseId = randomUUID();
    const write = await measure(() => store.write(caseId, randomUUID(), key, plain), 10, 2);
    const raw = await measure(
      () => {
        const fd = openSync(join(dir, `raw-${randomUUID()}`), 'w', 0o600);
        try {
          writeSync(fd, plain);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      },
      10,
      2,
    );
    return [
      { work: 'case file: encrypt (AES-256-GCM STREAM)', size, ...encrypt, throughput: mibPerSecond(encrypt.p50), ...reference(sslEncrypt, SSL_ENCRYPT) },
      {
        work: 'case file: decrypt and verify',
        size,
        ...decrypt,
        throughput: mibPerSecond(decrypt.p50),
        ...reference(sslDecrypt, `openssl speed -decrypt -evp aes-256-gcm, ${BLOCK_LABEL} blocks`),
      },
      {
        work: 'Node crypto: AES-256-GCM in one call',
        size: '10 MiB, one chunk',
        ...oneCall,
        throughput: mibPerSecond(oneCall.p50),
        ...reference(sslEncrypt, SSL_ENCRYPT),
        note: 'what the cipher costs inside Node',
      },
      {
        work: 'Node crypto: AES-256-GCM streamed, one context',
        size: `10 MiB, ${BLOCK_LABEL} updates`,
        ...streamed,
        throughput: mibPerSecond(streamed.p50),
        ...reference(sslEncrypt, SSL_ENCRYPT),
        note: "Node's ceiling: each update allocates its output",
      },
      {
        work: 'case file: write (encrypt, fsync, rename)',
        size,
        ...write,
        throughput: mibPerSecond(write.p50),
        reference: { what: 'raw write + fsync of the plaintext', ...raw, throughput: mibPerSecond(raw.p50) },
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
