import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fail } from '../../shared/api/result.js';
import type { Backend } from './backend.js';

/** The renderer's Content Security Policy: nothing remote, no eval, no inline script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Fluent UI (Griffel) inserts its CSS rules at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Calls without a session (unknown names included) that are answered and audited per window; the rest get 429. */
const REFUSALS_PER_WINDOW = 20;
const REFUSAL_WINDOW_MS = 10_000;
const TOO_LARGE = 'Het verzoek is te groot voor deze handeling.';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface WebServerOptions {
  backend: Backend;
  /** The built renderer (out/renderer); without it only the API is served. */
  staticDir?: string;
  port: number;
  host?: '127.0.0.1';
}

export interface WebServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * The body up to `limit` bytes; null when it is larger. Past the limit the rest is read and thrown
 * away (memory stays flat), so the caller gets its 413 instead of a connection reset.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.off('data', collect);
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', collect);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A sliding window over the calls that came without a session. */
function refusalLimiter(): () => boolean {
  const times: number[] = [];
  return () => {
    const now = Date.now();
    while (times.length > 0 && (times[0] ?? 0) <= now - REFUSAL_WINDOW_MS) times.shift();
    if (times.length >= REFUSALS_PER_WINDOW) return false;
    times.push(now);
    return true;
  };
}

/**
 * Browser mode: the built renderer and the API on 127.0.0.1. The API is `POST /api/<procedure>`
 * with a JSON body and `Authorization: Bearer <session token>`. Requests from any other origin,
 * or for another Host (DNS rebinding), are refused before the dispatcher sees them.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1';
  let allowedHosts = new Set<string>();
  const mayRefuse = refusalLimiter();

  const server = createServer((req, res) => {
    securityHeaders(res);
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      sendJson(res, 421, fail('FORBIDDEN', 'Onbekende host.'));
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, decodeURIComponent(url.pathname.slice(5)));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, fail('FORBIDDEN'));
      return;
    }
    serveStatic(url.pathname, res);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, procedure: string): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//u, ''))) {
      sendJson(res, 403, fail('FORBIDDEN', 'Verzoeken van een andere herkomst worden geweigerd.'));
      return;
    }
    // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
    if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 405, fail('FORBIDDEN', 'Alleen JSON-verzoeken met POST zijn toegestaan.'));
      return;
    }
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
    // The token first: a caller without a session gets its answer before one byte of the body is read.
    const admitted = options.backend.admit(procedure, token);
    if (!admitted) {
      req.resume();
      // Each answer is an audit event: unbounded, they would fill the trail (and the disk) with noise.
      if (!mayRefuse()) {
        sendJson(res, 429, fail('LOCKED_OUT', 'Te veel verzoeken zonder aanmelding. Wacht even en probeer het opnieuw.'));
        return;
      }
      sendJson(res, 200, await options.backend.dispatch(procedure, {}, token));
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > admitted.maxBodyBytes) {
      req.resume();
      sendJson(res, 413, fail('VALIDATION', TOO_LARGE));
      return;
    }
    const body = await readBody(req, admitted.maxBodyBytes);
    if (body === null) {
      sendJson(res, 413, fail('VALIDATION', TOO_LARGE));
      return;
    }
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        sendJson(res, 400, fail('VALIDATION', 'Het verzoek is geen geldige JSON.'));
        return;
      }
    }
    sendJson(res, 200, await options.backend.dispatch(procedure, input, token));
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const root = options.staticDir;
    if (!root || !existsSync(root)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('De gebruikersinterface is niet gebouwd. Voer eerst "npm run build:web" uit.');
      return;
    }
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/u, '');
    let file = join(root, relative);
    if (!file.startsWith(root + sep) && file !== root) file = join(root, 'index.html');
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const sweeper = setInterval(() => options.backend.sweep(), 30_000);
  sweeper.unref();
  return {
    server,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
