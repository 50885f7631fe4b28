import { describe, expect, it } from 'vitest';
import { centralClientConfig, CentralConfigError, describeCentralError, isLoopbackHost, redactCentralUrl } from '../../main/sync/central/connection.js';

describe('central connection settings', () => {
  it('knows loopback hosts', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.8.9.10', '::1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['db.corporatie.nl', '10.0.0.5', '128.0.0.1', '::2', 'localhost.evil.example', '127.0.0.1.nip.io', ''])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('parses a URL; outside loopback only with TLS and a checked certificate (verify-full)', () => {
    expect(centralClientConfig('postgres://avg_u_hanna:ge%40heim@db.corporatie.nl:6432/avg?sslmode=verify-full')).toEqual({
      host: 'db.corporatie.nl',
      port: 6432,
      database: 'avg',
      user: 'avg_u_hanna',
      password: 'ge@heim',
      application_name: 'avg-desk',
      connectionTimeoutMillis: 10_000,
      ssl: { rejectUnauthorized: true, servername: 'db.corporatie.nl' },
    });
    expect(centralClientConfig('postgresql://u@10.1.2.3/avg?sslmode=verify-full').ssl).toEqual({ rejectUnauthorized: true });
    for (const url of [
      'postgres://u@db.corporatie.nl/avg',
      'postgres://u@db.corporatie.nl/avg?sslmode=require',
      'postgres://u@db.corporatie.nl/avg?sslmode=verify-ca',
      'postgres://u@10.0.0.5/avg?sslmode=prefer',
    ]) {
      expect(() => centralClientConfig(url), url).toThrow(/sslmode=verify-full/u);
    }
  });

  it('allows loopback without TLS, and checks TLS there too when asked for', () => {
    expect(centralClientConfig('postgres://postgres@127.0.0.1:5433/postgres')).toMatchObject({
      host: '127.0.0.1',
      port: 5433,
      database: 'postgres',
      user: 'postgres',
      ssl: false,
    });
    expect(centralClientConfig('postgres://u@[::1]/x').host).toBe('::1');
    expect(centralClientConfig('postgres://u@localhost/x?sslmode=require').ssl).toEqual({ rejectUnauthorized: true, servername: 'localhost' });
    expect(centralClientConfig('postgres://u@localhost/x?connect_timeout=3').connectionTimeoutMillis).toBe(3000);
  });

  it('refuses what it does not understand, in Dutch', () => {
    expect(() => centralClientConfig('geen adres')).toThrow(CentralConfigError);
    expect(() => centralClientConfig('mysql://u@localhost/x')).toThrow(/postgres:\/\//u);
    expect(() => centralClientConfig('postgres://u@localhost/x?sslmode=heel-veilig')).toThrow(/Onbekende sslmode/u);
    expect(() => centralClientConfig('postgres://u@localhost/x?sslrootcert=/etc/x')).toThrow(/Onbekende instelling "sslrootcert"/u);
  });

  it('hides the password in a URL for messages', () => {
    expect(redactCentralUrl('postgres://u:geheim@db.corporatie.nl/avg?sslmode=verify-full')).toBe('postgres://u:***@db.corporatie.nl/avg?sslmode=verify-full');
    expect(redactCentralUrl('::')).toBe('(ongeldig adres)');
  });
});

describe('describeCentralError', () => {
  const withCode = (code: string, message = 'server text with Fatma Yılmaz') => Object.assign(new Error(message), { code });

  it('says in Dutch what went wrong, without the server text', () => {
    expect(describeCentralError(withCode('ECONNREFUSED'))).toBe('De centrale database is niet bereikbaar: de server weigert de verbinding.');
    expect(describeCentralError(withCode('ETIMEDOUT'))).toMatch(/time-out/u);
    expect(describeCentralError(withCode('28P01'))).toBe('Aanmelden bij de centrale database is mislukt: gebruikersnaam of wachtwoord is onjuist.');
    expect(describeCentralError(withCode('42501', 'new row violates row-level security policy for table "cases"'))).toBe(
      'De centrale database weigert deze handeling: uw functie geeft daar geen recht op.',
    );
    expect(describeCentralError(withCode('ERR_TLS_CERT_ALTNAME_INVALID'))).toMatch(/servernaam/u);
    expect(describeCentralError(withCode('23514'))).toBe('De centrale database weigert het gegeven (controle 23514).');
    expect(describeCentralError(withCode('XX000'))).toBe('De centrale database meldt een fout (code XX000).');
    expect(describeCentralError(new Error('Connection terminated unexpectedly'))).toBe('De verbinding met de centrale database is onderbroken.');
    expect(describeCentralError(new Error('timeout expired'))).toMatch(/time-out/u);
    expect(describeCentralError(Object.assign(new AggregateError([withCode('ECONNREFUSED')]), {}))).toMatch(/weigert de verbinding/u);
    expect(describeCentralError(null)).toBe('De centrale database is niet bereikbaar of gaf een onverwachte fout.');
    for (const code of ['42501', '28P01', 'XX000', '23514']) expect(describeCentralError(withCode(code))).not.toMatch(/Fatma/u);
  });

  it('passes the Dutch configuration message through', () => {
    let error: unknown;
    try {
      centralClientConfig('postgres://u@db.corporatie.nl/avg');
    } catch (e) {
      error = e;
    }
    expect(describeCentralError(error)).toMatch(/sslmode=verify-full/u);
  });
});
