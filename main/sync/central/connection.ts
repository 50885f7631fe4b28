import { isIP } from 'node:net';
import type pg from 'pg';

/**
 * How the app connects to the corporation's central PostgreSQL. Outside loopback the connection must
 * be TLS with the server's certificate and host name checked (`sslmode=verify-full`): the register and
 * the signed letters cross the corporate network. Pure functions, no I/O.
 */

export class CentralConfigError extends Error {
  override readonly name = 'CentralConfigError';
}

/** 127.0.0.0/8, ::1 and localhost: the connection never leaves this computer. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/gu, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./u.test(h);
  return false;
}

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;

/** Parses postgres://user:password@host:port/database?sslmode=… into a pg client configuration. */
export function centralClientConfig(url: string): pg.ClientConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CentralConfigError('Het adres van de centrale database is ongeldig. Gebruik postgres://gebruiker@server:5432/database?sslmode=verify-full.');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new CentralConfigError('Het adres van de centrale database moet beginnen met postgres://.');
  }
  const host = decodeURIComponent(parsed.hostname);
  if (!host) throw new CentralConfigError('Het adres van de centrale database noemt geen server.');
  const port = parsed.port ? Number(parsed.port) : 5432;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new CentralConfigError(`Ongeldige poort "${parsed.port}" in het adres van de centrale database.`);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//u, ''));
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode !== null && !(SSL_MODES as readonly string[]).includes(sslmode)) {
    throw new CentralConfigError(`Onbekende sslmode "${sslmode}" in het adres van de centrale database.`);
  }
  for (const key of parsed.searchParams.keys()) {
    if (!['sslmode', 'application_name', 'connect_timeout'].includes(key)) {
      throw new CentralConfigError(`Onbekende instelling "${key}" in het adres van de centrale database.`);
    }
  }
  const loopback = isLoopbackHost(host);
  if (!loopback && sslmode !== 'verify-full') {
    throw new CentralConfigError(
      `De verbinding met de centrale database op ${host} moet versleuteld zijn met controle van het servercertificaat: voeg ?sslmode=verify-full toe aan het adres.`,
    );
  }
  const timeout = parsed.searchParams.get('connect_timeout');
  const config: pg.ClientConfig = {
    host: host.replace(/^\[|\]$/gu, ''),
    port,
    database: database || 'postgres',
    application_name: parsed.searchParams.get('application_name') ?? 'avg-desk',
    connectionTimeoutMillis: timeout && /^\d+$/u.test(timeout) ? Number(timeout) * 1000 : 10_000,
  };
  if (parsed.username) config.user = decodeURIComponent(parsed.username);
  if (parsed.password) config.password = decodeURIComponent(parsed.password);
  // On loopback TLS is used only when asked for, and then always checked as verify-full.
  // SNI carries host names only; an IP address is still checked against the certificate.
  const tlsHost = config.host as string;
  config.ssl =
    sslmode === 'require' || sslmode === 'verify-ca' || sslmode === 'verify-full'
      ? isIP(tlsHost) === 0
        ? { rejectUnauthorized: true, servername: tlsHost }
        : { rejectUnauthorized: true }
      : false;
  return config;
}

/** The central address without its password, for messages and logs. */
export function redactCentralUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(ongeldig adres)';
  }
}

const PG_MESSAGES: Record<string, string> = {
  '28P01': 'Aanmelden bij de centrale database is mislukt: gebruikersnaam of wachtwoord is onjuist.',
  '28000': 'De centrale database weigert deze aanmelding (geen toegang voor deze gebruiker of dit adres).',
  '42501': 'De centrale database weigert deze handeling: uw functie geeft daar geen recht op.',
  '3D000': 'De database op de centrale server bestaat niet.',
  '53300': 'De centrale database heeft te veel verbindingen; probeer het straks opnieuw.',
  '57P01': 'De centrale database is afgesloten tijdens het werk; probeer het straks opnieuw.',
  '57P03': 'De centrale database start nog op; probeer het straks opnieuw.',
  '40001': 'Een gelijktijdige wijziging in de centrale database; probeer het opnieuw.',
  '40P01': 'Een gelijktijdige wijziging in de centrale database; probeer het opnieuw.',
  '23505': 'Dit gegeven staat al in de centrale database.',
  '23503': 'De centrale database mist een gegeven waarnaar verwezen wordt (bijvoorbeeld de zaak of de medewerker).',
  '42P01': 'De centrale database is niet ingericht: voer "avg-desk central migrate" uit.',
  '42883': 'De centrale database is niet ingericht: voer "avg-desk central migrate" uit.',
};

const NODE_MESSAGES: Record<string, string> = {
  ECONNREFUSED: 'De centrale database is niet bereikbaar: de server weigert de verbinding.',
  ETIMEDOUT: 'De centrale database reageert niet (time-out). Controleer de netwerkverbinding.',
  ENOTFOUND: 'De server van de centrale database is niet gevonden. Controleer het adres.',
  EAI_AGAIN: 'De server van de centrale database is niet gevonden (DNS). Controleer de netwerkverbinding.',
  ECONNRESET: 'De verbinding met de centrale database is onderbroken.',
  EPIPE: 'De verbinding met de centrale database is onderbroken.',
  EHOSTUNREACH: 'De centrale database is niet bereikbaar vanaf dit netwerk.',
  ENETUNREACH: 'Geen netwerk: de centrale database is niet bereikbaar.',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'Het certificaat van de centrale database is niet vertrouwd (zelfondertekend).',
  SELF_SIGNED_CERT_IN_CHAIN: 'Het certificaat van de centrale database is niet vertrouwd (onbekende uitgever).',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'Het certificaat van de centrale database kan niet worden gecontroleerd.',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'Het certificaat van de centrale database kan niet worden gecontroleerd (onbekende uitgever).',
  CERT_HAS_EXPIRED: 'Het certificaat van de centrale database is verlopen.',
  ERR_TLS_CERT_ALTNAME_INVALID: 'Het certificaat van de centrale database hoort niet bij deze servernaam.',
};

/**
 * A Dutch sentence for an error from pg / the network, for the status bar and the CLI. Never
 * includes the server's message text (it may quote data) — only what the code says.
 */
export function describeCentralError(e: unknown): string {
  if (e instanceof CentralConfigError) return e.message;
  const error = e as { code?: unknown; message?: unknown; errors?: unknown } | null;
  const code = typeof error?.code === 'string' ? error.code : undefined;
  if (code && PG_MESSAGES[code]) return PG_MESSAGES[code];
  if (code && NODE_MESSAGES[code]) return NODE_MESSAGES[code];
  // Node's happy-eyeballs connect reports an AggregateError with the reasons per address.
  if (Array.isArray(error?.errors) && error.errors.length > 0) return describeCentralError(error.errors[0]);
  const message = typeof error?.message === 'string' ? error.message : '';
  if (/timeout|timed out/iu.test(message)) return NODE_MESSAGES.ETIMEDOUT as string;
  if (/Connection terminated|Client has encountered a connection error/iu.test(message)) return NODE_MESSAGES.ECONNRESET as string;
  if (/does not support SSL|server does not support ssl/iu.test(message))
    return 'De centrale database ondersteunt geen versleutelde verbinding (TLS); die is verplicht buiten deze computer.';
  if (/self[- ]signed|certificate/iu.test(message)) return 'Het certificaat van de centrale database is niet vertrouwd.';
  if (code && /^[0-9A-Z]{5}$/u.test(code)) {
    if (code.startsWith('08')) return 'De verbinding met de centrale database is mislukt.';
    if (code.startsWith('23')) return `De centrale database weigert het gegeven (controle ${code}).`;
    if (code.startsWith('42')) return `De centrale database weigert de opdracht (code ${code}).`;
    return `De centrale database meldt een fout (code ${code}).`;
  }
  return 'De centrale database is niet bereikbaar of gaf een onverwachte fout.';
}
