import { describe, expect, it } from 'vitest';
import { hasLowVariety, isPlaceholder, scanText } from '../../src/core/secrets/index.js';
import { Synth } from '../../src/core/secrets/rules/define.js';

/** Values that generic rules used to take for secrets: each class from real reports, one row each. */
const NOT_SECRETS: readonly (readonly [string, string])[] = [
  ['URL path', 'const RESET = { path: "/forgot-password" };'],
  ['URL path (api-key rule)', 'token_endpoint = "/api/2.0/git-credentials"'],
  ['CSS selector', '$("#add-password").click();'],
  ['CSS class selector', 'selector: ".password-field > input"'],
  ['label', 'label: "Password:"'],
  ['ARN', 'password_secret_arn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"'],
  ['enum identifier', 'ApplicationPasswordAdmin: "application_password_admin"'],
  ['config identifier', 'password = "PasswordField_v2"'],
  ['file path', 'password: "src/test/resources/keystore.jks"'],
  ['.gitleaksignore line', 'cmd/generate/config/rules/generic.go:generic-password:12'],
  ['Maven coordinate', 'password = "org.apache.maven.plugins:maven-gpg-plugin:3.1.0"'],
  ['resource name', 'db_password = "projects/acme/secrets/db-pass/versions/3"'],
  ['already redacted', 'OP_SERVICE_ACCOUNT_TOKEN: "ops_eyJ…[Redacted]"'],
  ['hostname', 'api_key: "api.internal.example-corp.com"'],
  ['malformed UUID (short)', 'api_key = "3f9a1c7e-5b2d-4a4f-8c0e-9b1d7a3f5c8"'],
  ['malformed UUID (merged group)', 'secret = "3f9a1c7e5b2d-4a4f-8c0e-9b1d7a3f5c8e"'],
  ['token URL', 'token_url: "https://login.microsoftonline.com/common/oauth2/v2.0/token"'],
  ['GitHub token with a failed checksum', 'GH_TOKEN=ghp_R8fJk2LmQ9vXw3ZpT6yBn4HcD7sE1aGu5Kio'],
];

describe('generic rules: false-positive classes', () => {
  it.each(NOT_SECRETS)('%s is not a secret', (_name, line) => {
    expect(scanText(line).map((m) => m.ruleId)).toEqual([]);
  });

  it('still report a real password and API key next to them', () => {
    expect(scanText('db_password = "Zq8vT3mW9kLp"').map((m) => m.ruleId)).toEqual(['generic-password']);
    expect(scanText('const apiKey = "q7Rk2Lm9Vw3ZpT6yBn4HcD7s";').map((m) => m.ruleId)).toEqual(['generic-api-key']);
  });
});

describe('a short provider name that ends other names', () => {
  it('is the provider only where it starts the name (ES_API_KEY, not SERVICES_API_KEY)', () => {
    const value = new Synth('es-name').b64url(60);
    const rules = (line: string) => scanText(line).map((m) => m.ruleId);
    expect(rules(`ES_API_KEY=${value}`)).toContain('elastic-api-key');
    expect(rules(`MY_ES_API_KEY=${value}`)).toContain('elastic-api-key');
    expect(rules(`SERVICES_API_KEY=${value}`)).not.toContain('elastic-api-key');
    expect(rules(`NOTES_API_KEY=${value}`)).not.toContain('elastic-api-key');
  });
});

describe('placeholder filter: about the value, not a run inside it', () => {
  it.each([
    ['a run of one character', 'aaaaaaaaaaaaaaaaaaaaaaaa'],
    ['sequential runs', 'abcdef1234567890abcdef'],
    ['three distinct characters', 'abababababcabc'],
    ['x placeholder', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'],
    ['a documented example', 'AKIAIOSFODNN7EXAMPLE'],
    ['a template', '${{ secrets.DEPLOY_TOKEN }}'],
  ])('%s is a placeholder', (_name, value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it.each([
    ['a short sequential run in a random key', 'Zq8vT3mW9kLpabc123456Rb7Nx2Qe5Hs'],
    ['four equal characters', 'q7Rk2Lm9Vw3ZpT6yBn4HcD7s0000Ei'],
    ['a run at the end', 'h7Kp2Lx9Qm4Vb8NzWc5Tr1Y6789'],
  ])('%s is not a placeholder', (_name, value) => {
    expect(hasLowVariety(value)).toBe(false);
    expect(isPlaceholder(value)).toBe(false);
  });

  it('a prefixed token with a short run inside is still found', () => {
    const token = 'dop_v1_' + new Synth('run').hex(55) + 'abc123456';
    expect(scanText(`DO_TOKEN=${token.slice(0, 71)}`).map((m) => m.ruleId)).toContain('digitalocean-token');
  });
});

describe('prefixed rules need a boundary before the prefix', () => {
  it('finds nothing in a base64 blob that contains prefix-shaped slices', () => {
    const g = new Synth('blob');
    const parts: string[] = [];
    for (let i = 0; i < 200; i++)
      parts.push(g.b64(60), '/cio', g.alnum(32), '+ghp_', g.alnum(36), '/glpat-', g.alnum(20));
    expect(scanText(`data:application/octet-stream;base64,${parts.join('')}`)).toEqual([]);
  });

  it('still finds a prefixed token after a URL scheme and after an assignment', () => {
    const tok = 'cio' + new Synth('cio').alnum(32);
    expect(scanText(`CARGO_REGISTRY_TOKEN=${tok}`).map((m) => m.ruleId)).toContain('crates-io-token');
  });
});

describe('keyed rows anchored on a compound keyword where the provider is an everyday word', () => {
  const g = new Synth('everyday-anchors');
  const key32 = g.alnum(32);
  const uuid = g.uuid();
  it.each([
    ['`signable` inside `assignable`', `const assignable = "${key32}";`, 'signable-key'],
    ['`userflow` as a variable', `const userFlow = "${g.lower(29)}";`, 'userflow-key'],
    ['`copper` as a word', `copper: "${g.lower(32)}"`, 'copper-crm-key'],
    ['`privacy` next to an id', `privacy_policy_version: ${uuid}`, 'privacy-com-key'],
    ['`float` as a type', `float weights = ${g.alnum(60)};`, 'float-key'],
    ['a download checksum next to `openvpn`', `openvpn-2.6.12.tar.gz sha256 ${g.hex(64)}`, 'openvpn-cloud-key'],
    ['an id under a compound keyword without a secret word', `coda.io doc: ${uuid}`, 'coda-key'],
  ])('%s is not reported by that rule', (_name, line, ruleId) => {
    expect(scanText(line).map((m) => m.ruleId)).not.toContain(ruleId);
  });

  it('the compound keyword finds the key, and a secret word in the keyword is enough for a UUID value', () => {
    expect(scanText(`SIGNABLE_API_KEY=${key32}`).map((m) => m.ruleId)).toContain('signable-key');
    expect(scanText(`coda_token = "${uuid}"`).map((m) => m.ruleId)).toContain('coda-key');
    expect(scanText(`FLOAT_ACCESS_TOKEN: ${g.alnum(60)}`).map((m) => m.ruleId)).toContain('float-key');
  });
});
