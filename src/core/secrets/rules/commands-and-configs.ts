import { shannonEntropy } from '../entropy.js';
import { isPlaceholder } from '../filters.js';
import type { SecretRule } from '../types.js';

/**
 * Credentials written into a command line or a configuration file's own syntax: `curl -u`, an
 * `Authorization` header, `.netrc`, JDBC/ODBC strings, `psexec -p`, `Connect-VIServer -Password`,
 * Gradle `credentials { }`, `mysql -p`, Kubernetes `Secret` manifests, shadow / htpasswd hashes.
 */

/** A literal password: not a variable, a template or a common word; some entropy. */
function isLiteralPassword(value: string): boolean {
  return (
    value.length >= 6 &&
    !/^[$%<{]/.test(value) &&
    !/^(?:password|passwd|secret|changeme|pass(?:word)?\d*|admin|root|test|user|xxx+)$/i.test(value) &&
    shannonEntropy(value) >= 2.5 &&
    !isPlaceholder(value)
  );
}

/** A Kubernetes `data:` value is base64: it must decode to printable text of ≥ 6 characters. */
function isBase64Credential(value: string): boolean {
  const text = Buffer.from(value, 'base64').toString('utf8');
  return text.length >= 6 && /^[\x20-\x7e]+$/.test(text) && isLiteralPassword(text);
}

const AUTH_VALUE = '[A-Za-z0-9._~+/=-]{16,500}';

export const CONFIG_CREDENTIAL_RULES: readonly SecretRule[] = [
  {
    id: 'curl-basic-auth',
    provider: 'Command lines',
    description: 'Password in curl -u / --user',
    keywords: ['curl'],
    pattern: /curl\b[^\n]{0,200}?\s(?:-u|--user)\s{1,3}["']?[^\s:"'$]{1,64}:([^\s"'$]{6,128})["']?(?=\s|$)/,
    secretGroup: 1,
    validate: (s) => isLiteralPassword(s),
    specificity: 2,
    window: { before: 0, after: 420 },
    examples: {
      positive: [
        'curl -u deploy:Vq8r2LmZ7pWx4N https://api.acme.dev/v1/releases',
        'curl -s --user "ci:h7Kp2Lx9Qm4V" $URL',
      ],
      negative: ['curl -u "$USER:$PASSWORD" https://api.acme.dev', 'curl -u admin:password https://localhost'],
    },
  },
  {
    id: 'http-auth-header',
    provider: 'HTTP headers',
    description: 'Credential in an Authorization, X-Api-Key or token header',
    keywords: ['authorization:', 'x-api-key:', 'x-auth-token:', 'api-key:', 'x-access-token:', 'private-token:'],
    pattern: new RegExp(
      `(?:authorization:\\s{0,3}(?:bearer|basic|token|apikey|ssws|key)?|x-api-key:|x-auth-token:|api-key:|x-access-token:|private-token:)\\s{0,3}(${AUTH_VALUE})(?![A-Za-z0-9._~+/=-])`,
      'i',
    ),
    secretGroup: 1,
    entropy: 3.3,
    validate: (s, m) =>
      /[0-9]/.test(s) &&
      /[A-Za-z]/.test(s) &&
      !/^(?:bearer|basic|token)$/i.test(s) &&
      /["'\s-]/.test(m.slice(-s.length - 1, -s.length) || ' '),
    specificity: 1,
    window: { before: 0, after: 560 },
    examples: {
      positive: [
        'curl -H "Authorization: Bearer q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Ki" https://api.acme.dev',
        "curl -H 'X-Api-Key: 9fT2kLq8ZrV4mX7pW3nB6yC1' https://api.acme.dev",
        'Authorization: SSWS 00Q7rK2mZp9LwVb7Rc1Qn5Hd8Gf3Js6Ye0Ua4TnXw',
      ],
      negative: [
        '-H "Authorization: Bearer $TOKEN"',
        'Authorization: Bearer <token>',
        'headers["Authorization:"] = value',
      ],
    },
  },
  {
    id: 'netrc-password',
    provider: 'Config files',
    description: 'Password in a .netrc entry',
    keywords: ['machine '],
    pattern:
      /machine\s{1,5}[A-Za-z0-9._-]{1,253}\s{1,5}(?:login\s{1,5}[^\s]{1,128}\s{1,5})?password\s{1,5}([^\s]{6,128})/,
    secretGroup: 1,
    validate: (s) => isLiteralPassword(s),
    specificity: 2,
    window: { before: 0, after: 600 },
    examples: {
      positive: [
        'machine api.heroku.com\n  login ci@acme.dev\n  password Zq8vT3mW9kLp',
        'machine github.com login octo password h7Kp2Lx9Qm4V',
      ],
      negative: ['machine github.com login octo password $GITHUB_TOKEN'],
    },
  },
  {
    id: 'jdbc-password',
    provider: 'Connection strings',
    description: 'Password in a JDBC URL query',
    keywords: ['jdbc:'],
    pattern: /jdbc:[a-z0-9:]{2,30}\/\/[^\s"'?]{1,200}\?[^\s"']{0,200}?(?<=[?&])password=([^\s&"';]{6,128})/,
    secretGroup: 1,
    validate: (s) => isLiteralPassword(s),
    specificity: 2,
    window: { before: 0, after: 420 },
    examples: {
      positive: ['jdbc:mysql://db.acme.internal:3306/app?user=app&password=Tq7vR2mX9kLp&useSSL=true'],
      negative: ['jdbc:postgresql://db/app?user=app&password=${DB_PASSWORD}'],
    },
  },
  {
    id: 'odbc-braced-password',
    provider: 'Connection strings',
    description: 'Password in an ODBC connection string written as a {braced} value',
    keywords: ['pwd={', 'password={'],
    pattern: /(?:PWD|[Pp]assword)=\{([^}\n]{6,128})\}/,
    secretGroup: 1,
    validate: (s) => isLiteralPassword(s),
    specificity: 2,
    window: { before: 0, after: 200 },
    examples: {
      positive: ['Driver={ODBC Driver 18 for SQL Server};Server=db;UID=sa;PWD={Vq8r;2LmZ7pWx};'],
      negative: ['PWD={password};', 'Password={0};'],
    },
  },
  {
    id: 'command-line-password',
    provider: 'Command lines',
    description: 'Password on a command line: psexec -p, Connect-VIServer -Password, mysql -p, sshpass -p',
    keywords: ['psexec', 'connect-viserver', 'mysql', 'sshpass', 'net use'],
    pattern:
      /(?:psexec(?:64)?(?:\.exe)?\b[^\n]{0,200}?\s-p|connect-viserver\b[^\n]{0,200}?\s-password|mysql(?:dump|admin)?\b[^\n]{0,120}?\s-p(?=\S)|sshpass\s{1,3}-p|net use\b[^\n]{0,120}?\/user:\S{1,64})\s{0,3}["']?([^\s"'$]{6,128})["']?(?=\s|$)/i,
    secretGroup: 1,
    validate: (s) => isLiteralPassword(s) && !s.startsWith('-'),
    specificity: 2,
    window: { before: 0, after: 360 },
    examples: {
      positive: [
        'psexec \\\\srv01 -u ACME\\admin -p Zq8vT3mW9kLp cmd.exe',
        "Connect-VIServer -Server vc01.acme.local -User administrator@vsphere.local -Password 'h7Kp2Lx9Qm4V!'",
        'mysql -h db -u root -pTq7vR2mX9kLp app < dump.sql',
        'sshpass -p Vq8r2LmZ7pWx ssh deploy@10.0.0.4',
      ],
      negative: ['mysql -u root -p app', 'psexec \\\\srv01 -u admin -p $env:PASSWORD cmd.exe'],
    },
  },
  {
    id: 'gradle-credentials',
    provider: 'Config files',
    description: 'Password in a Gradle / Maven repository credentials block',
    keywords: ['credentials'],
    pattern:
      /credentials\s{0,3}(?:\(\w{0,40}\))?\s{0,3}\{[^}]{0,240}?password\s{0,3}(?:=\s{0,3})?["']([^"'\s$]{6,128})["']/,
    secretGroup: 1,
    validate: (s) => isLiteralPassword(s),
    specificity: 2,
    window: { before: 0, after: 420 },
    examples: {
      positive: ['credentials {\n  username "deploy"\n  password "Zq8vT3mW9kLp"\n}'],
      negative: ['credentials {\n  username = findProperty("user")\n  password = "$repoPassword"\n}'],
    },
  },
  {
    id: 'kubernetes-secret-data',
    provider: 'Kubernetes',
    description: 'Base64 credential in a Kubernetes Secret manifest',
    keywords: ['kind: secret'],
    pattern:
      /kind:\s{0,3}["']?Secret["']?\s*\n[\s\S]{0,600}?\n(?:data|stringData):[ \t]*\n[ \t]{1,8}[\w.-]{1,64}:[ \t]{1,3}["']?([A-Za-z0-9+/]{8,1000}={0,2})["']?[ \t]*(?:\n|$)/,
    secretGroup: 1,
    validate: (s) => isBase64Credential(s),
    placeholderFilter: false,
    specificity: 2,
    window: { before: 0, after: 1800 },
    examples: {
      positive: [
        `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: ${Buffer.from('Zq8vT3mW9kLp!').toString('base64')}\n`,
      ],
      negative: ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: cGFzc3dvcmQ=\n'],
    },
  },
  {
    id: 'password-hash',
    provider: 'Password hashes',
    description: 'Password hash in shadow or htpasswd form (user:$6$…, user:$apr1$…, user:{SHA}…)',
    keywords: ['$apr1$', '$6$', '$5$', '$1$', '$2y$', '$2b$', '$2a$', '$y$', ':{sha}'],
    pattern:
      /(?<![^\s"'`>])[a-z_][A-Za-z0-9_.-]{0,31}:((?:\$(?:apr1|1|5|6)\$[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{22,86}|\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}|\$y\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{8,32}\$[./A-Za-z0-9]{43}|\{SHA\}[A-Za-z0-9+/]{27}=))(?=[:\s"'`]|$)/,
    secretGroup: 1,
    placeholderFilter: false,
    specificity: 2,
    window: { before: 40, after: 200 },
    examples: {
      positive: [
        'deploy:$6$Qk3v9TzR$W2mX7pL8rV4nB6yC1hJ5sD0fG3aK9eU7iO2tZ8Ywr3Lk9Pq2Vx7Nc4Md8Fb1Gh5Jk0LzQ7rK2mZp9LwVb7Rc1:19700:0:99999:7:::',
        'admin:$apr1$Zk3Q9vT7$mX2pL8rW4nB6yC1hJ5sD0/',
      ],
      negative: ['root:*:19700:0:99999:7:::', 'const prefix = "$6$";'],
    },
  },
];
