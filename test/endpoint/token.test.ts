import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import { fingerprintToken, inspectToken, validateHookUrl, validateTokenCharacters } from '../../src/endpoint/token.js';
import { makeJwt } from './fixtures.js';

const now = new Date('2026-11-24T10:00:00Z');
const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe('inspectToken', () => {
  it('accepts a valid JWT with the hooks:trigger scope', () => {
    const token = makeJwt({ exp: at('2027-01-01T00:00:00Z'), scope: 'repo hooks:trigger' });
    const inspection = inspectToken(token, now);
    expect(inspection).toMatchObject({ kind: 'jwt', scopes: ['repo', 'hooks:trigger'], problems: [] });
    expect(inspection.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(inspection.fingerprint).toBe(fingerprintToken(token));
  });

  it('fails fast on an expired token without showing it', () => {
    const token = makeJwt({ exp: at('2026-11-21T10:00:00Z'), scp: ['hooks:execute'] });
    const { problems } = inspectToken(token, now);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.level).toBe('fatal');
    expect(problems[0]!.message).toMatch(/expired at 2026-11-21T10:00:00.000Z \(3 days ago\)/);
    expect(problems[0]!.message).not.toContain(token);
    expect(problems[0]!.message).not.toContain(token.split('.')[1]);
  });

  it('fails fast on a token that is not valid yet', () => {
    const { problems } = inspectToken(makeJwt({ nbf: at('2026-11-24T12:00:00Z') }), now);
    expect(problems).toEqual([
      { level: 'fatal', message: expect.stringContaining('not valid before 2026-11-24T12:00:00.000Z (in 2 hours)') },
    ]);
    // Within the clock-skew leeway: fine.
    expect(inspectToken(makeJwt({ nbf: at('2026-11-24T10:00:30Z') }), now).problems).toEqual([]);
  });

  it('warns when the scopes lack hooks:trigger and hooks:execute', () => {
    const { problems, scopes } = inspectToken(makeJwt({ scp: ['repo:read', 'openid'] }), now);
    expect(scopes).toEqual(['repo:read', 'openid']);
    expect(problems).toEqual([
      { level: 'warning', message: expect.stringContaining("neither 'hooks:trigger' nor 'hooks:execute'") },
    ]);
    expect(inspectToken(makeJwt({ sub: 'x' }), now).problems).toEqual([]); // no scope claim: unknown, no warning
  });

  it('gives a rotation notice within 7 days of expiry', () => {
    const { problems } = inspectToken(makeJwt({ exp: at('2026-11-29T10:00:00Z'), scope: 'hooks:trigger' }), now);
    expect(problems).toEqual([
      { level: 'notice', message: expect.stringMatching(/expires at .* \(in 5 days\); rotate it soon/) },
    ]);
    expect(inspectToken(makeJwt({ exp: at('2026-12-05T10:00:00Z') }), now).problems).toEqual([]);
  });

  it('treats a non-JWT token as opaque: fingerprint only', () => {
    for (const token of ['cdx_pat_0123456789abcdef', 'a.b.c', 'not.base64!.json']) {
      expect(inspectToken(token, now)).toEqual({ kind: 'opaque', fingerprint: fingerprintToken(token), problems: [] });
    }
  });
});

describe('validateHookUrl', () => {
  it('accepts https anywhere and http on loopback only', () => {
    expect(validateHookUrl('https://api.enterprise-ai.example/codex/hooks/review').host).toBe(
      'api.enterprise-ai.example',
    );
    for (const url of ['http://127.0.0.1:8080/h', 'http://127.8.9.10/', 'http://localhost:3000', 'http://[::1]:9/x']) {
      expect(validateHookUrl(url).protocol).toBe('http:');
    }
  });

  it('refuses http elsewhere, other schemes, credentials and garbage, naming the input', () => {
    for (const url of [
      'http://api.example.com/h',
      'http://10.0.0.1/',
      'http://127.0.0.1.nip.io/',
      'ftp://x/',
      'not a url',
      'https://user:pw@host/',
    ]) {
      expect(() => validateHookUrl(url)).toThrow(ConfigurationError);
      expect(() => validateHookUrl(url)).toThrow(/^input 'hook-url': /);
    }
    expect(() => validateHookUrl('https://user:pw@host/')).toThrow(/must not contain credentials/);
    try {
      validateHookUrl('https://user:hunter2@host/');
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });
});

describe('validateTokenCharacters', () => {
  it.each([
    ['a\nb', /a line break at position 2 of 3/],
    ['ab\r', /a line break at position 3 of 3/],
    ['a b', /a space or tab at position 2 of 3/],
    ['a\tb', /a space or tab at position 2 of 3/],
    ['aé', /not visible ASCII at position 2 of 2/],
    ['a\u007fb', /not visible ASCII at position 2 of 3/],
  ])('refuses %j without quoting it', (token, message) => {
    let thrown: unknown;
    try {
      validateTokenCharacters(token);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).toMatch(/^codex-token holds/);
  });

  it('accepts every visible ASCII character', () => {
    const all = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join('');
    expect(() => validateTokenCharacters(all, 'github-token')).not.toThrow();
  });
});
