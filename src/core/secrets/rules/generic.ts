import { shannonEntropy } from '../entropy.js';
import { isDigestLike } from '../filters.js';
import type { SecretRule } from '../types.js';

/** Private keys, JWTs, credentials in URLs, and generic assignments gated by entropy. */

const PEM_BODY_LINE = /^(?:Proc-Type|DEK-Info|Version|Comment|Hash):/;

/**
 * The block must carry a real base64 body (≥ 64 characters), not `...` or a stub. The BEGIN and END lines
 * (whatever their dashes) and header lines are not body; a block may use `\n` escapes (a JSON string).
 */
function hasPemBody(block: string): boolean {
  const inner = block.replace(/\\n/g, '\n').split(/\r?\n/);
  const body = inner
    .filter((l) => !/-{2}(?:BEGIN|END) /.test(l) && !PEM_BODY_LINE.test(l.trim()) && !l.trim().startsWith('='))
    .join('')
    .replace(/[\s"',+]/g, (c) => (c === '+' ? c : ''));
  return body.length >= 64 && /^[A-Za-z0-9+/=]+$/.test(body) && !/\.\.\./.test(block) && new Set(body).size > 16;
}

function decodeBase64Url(part: string): string {
  return Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

/** A JWT's header must decode to a JSON object with `alg`, and its payload to JSON. */
function isJwt(token: string): boolean {
  const [header, payload] = token.split('.');
  try {
    const h = JSON.parse(decodeBase64Url(header!)) as unknown;
    JSON.parse(decodeBase64Url(payload!));
    return typeof h === 'object' && h !== null && 'alg' in h && (h as { alg: unknown }).alg !== 'none';
  } catch {
    return false;
  }
}

const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]{8,1000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{16,1000}$/;

/** A base64 value that decodes to exactly one signed JWT (gitleaks' `jwt-base64`). */
function isBase64Jwt(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('utf8').trim();
  return JWT_SHAPE.test(decoded) && isJwt(decoded);
}

const SIGNED_JWT_EXAMPLE =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjaS1ib3QiLCJpYXQiOjE3MTk0MDAwMDB9.q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8Nf0Jh2wXc';

const COMMON_PASSWORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'admin',
  'root',
  'test',
  'user',
  'username',
  'changeme',
  'foobar',
  'qwerty',
  'letmein',
  'mypassword',
  'yourpassword',
  'p@ssw0rd',
  'password1',
  'password123',
  'guest',
  'default',
  'postgres',
  'mysql',
  'redis',
  'none',
  'null',
  'true',
  'false',
  'undefined',
  'required',
  'string',
  'hidden',
  'secret123',
]);

/** Values that are code, not literals: `this.password`, `getToken()`, `args[0]`, `os.getenv`. */
const CODE_LIKE = /[()[\]]|^[a-z_$][\w$]*\.[a-z_$][\w$.]*$|^(?:true|false|null|none|nil|undefined)$/i;

/**
 * An unquoted value is only a password when it does not read as a path, a reference, a key or an
 * identifier: it has a letter and a digit, some entropy, and does not start like a path or a variable.
 */
function isUnquotedPassword(value: string): boolean {
  return (
    /[A-Za-z]/.test(value) &&
    /[0-9]/.test(value) &&
    !/^[/~.$%!&|]/.test(value) &&
    !/[:(){}[\]]$/.test(value) &&
    !/^[a-z_$][\w$]*(?:\.[\w$]+)+$/i.test(value) &&
    shannonEntropy(value) >= 3
  );
}

/** `/Users/me`, `~/.ssh`, `C:\\data`: a path (`PWD=` is the working directory), not a password. */
const FILE_PATH = /^(?:~?\/|\.{1,2}\/|[A-Za-z]:[\\/])[\w./\\-]*$/;

function isPlausiblePassword(value: string): boolean {
  return (
    value.length >= 6 && !COMMON_PASSWORDS.has(value.toLowerCase()) && !CODE_LIKE.test(value) && !FILE_PATH.test(value)
  );
}

/** Names that hold hashes or ids, not credentials: `token_hash`, `secret_sha256`, `api_key_id`. */
const NOT_A_SECRET_NAME =
  /(?:hash|sha\d*|digest|checksum|integrity|_id|Id|_ids|name|type|url|uri|path|file|length|len|count|header|prefix|expires?|ttl|format)["']?\s{0,3}(?:=>|:=|=|:)/;

/** A piece of an identifier: a word (with a vowel when longer than 4), a short number, or a version. */
function isWordPiece(piece: string): boolean {
  if (/^\d{1,4}$/.test(piece) || /^v\d{1,3}$/i.test(piece)) return true;
  if (!/^[A-Za-z]{2,}$/.test(piece)) return false;
  return piece.length <= 4 || /[aeiouy]/i.test(piece);
}

/**
 * The value reads as a path, a URL path, a CSS selector, an ARN, a hostname, a Maven coordinate, an
 * enum or config identifier (`application_password_admin`, `PasswordField_v2`), or a malformed UUID:
 * words and short numbers joined by `/ . _ - :` or camelCase. Such a value is not a credential.
 */
export function readsAsIdentifier(value: string): boolean {
  if (/^(?:[/#.~]|arn:|https?:)/i.test(value)) return true;
  if (/^(?:[a-z0-9-]{1,63}\.)+[a-z]{2,24}$/i.test(value)) return true;
  if (/^[0-9a-f]{4,12}(?:-[0-9a-f]{2,12}){3,5}$/i.test(value)) return true;
  const pieces = value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s/._:@-]+/)
    .filter((p) => p.length > 0);
  return pieces.length >= 2 && pieces.every(isWordPiece);
}

export const GENERIC_RULES: readonly SecretRule[] = [
  {
    id: 'private-key',
    provider: 'PEM / OpenSSH / PGP',
    description: 'Private key block (RSA, EC, DSA, OpenSSH, PGP, PKCS#8, encrypted)',
    keywords: ['private key'],
    pattern:
      // The block ends at its END line, or, for a key inside a JSON string (a GCP service-account file),
      // at the string's closing quote, so that a mangled or cut END line still leaves a key to report.
      // The body never runs over another BEGIN line: each header is tried once up to the next, so a file of
      // repeated headers costs one pass, not 16,000 characters per header.
      /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED |SSH2 ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----(?:[^-]|-(?!----BEGIN )){64,16000}?(?:-----END \1-----|(?<=\\n|\n)-{2,5}END \1-{0,5}|")/,
    placeholderFilter: false,
    validate: hasPemBody,
    window: { before: 40, after: 16100 },
    specificity: 3,
    examples: {
      positive: [
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----',
        '"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\\n-----END PRIVATE KEY-----\\n"',
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDq7Uq3Vx9kR2mT8pL4nB6yC1hJ5sD0fG3aK9eU7iO2tQAAAJgZ8Ywr\n-----END OPENSSH PRIVATE KEY-----',
        '{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDq7Uq3Vx9kR2mT8pL4\\nnB6yC1hJ5sD0fG3aK9eU7iO2tZ8Ywr3Lk9Pq2Vx7Nc4Md8Fb1Gh5Jk0Lz\\n-----END PRIVATE KEY----\\n",\n  "client_email": "ci@acme-prod.iam.gserviceaccount.com"\n}',
      ],
      negative: [
        '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
        '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----',
        "const header = '-----BEGIN PRIVATE KEY-----';",
        'const marker = "-----BEGIN PRIVATE KEY-----"; // the PEM header that parseKey() looks for before it decodes the rest of the file "',
      ],
    },
  },
  {
    id: 'putty-private-key',
    provider: 'PuTTY',
    description: 'PuTTY private key file',
    keywords: ['putty-user-key-file-'],
    pattern:
      /PuTTY-User-Key-File-[23]: [a-z0-9-]{7,32}\r?\nEncryption: [a-z0-9-]{4,20}\r?\nComment: [^\n]{0,200}\r?\nPublic-Lines: \d{1,3}\r?\n[\s\S]{20,8000}?Private-Lines: \d{1,3}\r?\n[A-Za-z0-9+/=\r\n]{40,4000}/,
    placeholderFilter: false,
    window: { before: 10, after: 12000 },
    examples: {
      positive: [
        'PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nAAAAB3NzaC1yc2EAAAABJQAAAQEAhV9sR2mT8pL4nB6yC1hJ5sD0fG3aK9eU7iO2tQ\nZ8Ywr3Lk9Pq2Vx7Nc4Md8Fb1Gh5Jk0Lz\nPrivate-Lines: 1\nAAABAQCq7Uq3Vx9kR2mT8pL4nB6yC1hJ5sD0fG3aK9eU7iO2tZ8Ywr3Lk9Pq2Vx7Nc',
      ],
      negative: ['PuTTY-User-Key-File-2: ssh-rsa'],
    },
  },
  {
    id: 'jwt',
    provider: 'JSON Web Token',
    description: 'JSON Web Token (signed)',
    keywords: ['eyj'],
    pattern:
      /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,1000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])/,
    secretGroup: 1,
    validate: isJwt,
    window: { before: 10, after: 6100 },
    specificity: 2,
    examples: {
      positive: [`Authorization: Bearer ${SIGNED_JWT_EXAMPLE}`],
      negative: [
        'eyJub3QiOiJqd3QifQ.eyJzdWIiOiJ4In0.q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8',
        'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8',
      ],
    },
  },
  {
    id: 'jwt-base64',
    provider: 'JSON Web Token',
    description: 'JSON Web Token encoded once more in base64 (ZXlK…)',
    keywords: ['zxlk'],
    pattern: /(?<![A-Za-z0-9+/])(ZXlK[A-Za-z0-9+/]{60,8000}={0,2})(?![A-Za-z0-9+/=])/,
    secretGroup: 1,
    validate: isBase64Jwt,
    window: { before: 10, after: 8100 },
    specificity: 2,
    examples: {
      positive: [`JWT_B64=${Buffer.from(SIGNED_JWT_EXAMPLE).toString('base64')}`],
      negative: [
        // A base64 JSON document that starts like a JWT header but is not one.
        `BLOB=${Buffer.from('eyJub3QiOiJqd3QifQ.eyJzdWIiOiJ4In0.q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8').toString('base64')}`,
        `DATA=${Buffer.from('eyJhbGciOiJIUzI1NiJ9 and some text that follows the header').toString('base64')}`,
      ],
    },
  },
  {
    id: 'url-credentials',
    provider: 'URL credentials',
    description: 'Password in a URL or connection string (scheme://user:password@host)',
    keywords: ['://'],
    // The scheme is a lookbehind so that the regex starts with the literal `://`, which the engine finds
    // by a fast scan instead of trying every letter of the window as a scheme's start.
    pattern:
      /:\/\/(?<=[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/)[^\s:@/"'`<>]{0,64}:([^\s:@/"'`<>]{3,128})@[A-Za-z0-9[\]._-]{1,253}/,
    secretGroup: 1,
    validate: (s, m) =>
      isPlausiblePassword(decodeURIComponentSafe(s)) &&
      !/^\*+$/.test(s) &&
      // `YOUR_DB_PASSWORD`-like names are placeholders; a password equal to the user name is a demo default.
      !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(s) &&
      m.slice(3, m.indexOf(':', 3)) !== s,
    window: { before: 30, after: 420 },
    specificity: 1,
    examples: {
      positive: [
        'DATABASE_URL=postgres://app:Vq8r2LmZ7pWx4Nb@db.internal:5432/app',
        'redis://:h7Kp2Lx9Qm4Vb8Nz@cache:6379/0',
      ],
      negative: [
        'postgres://user:password@localhost/db',
        'https://user:${DB_PASSWORD}@host',
        'git@github.com:org/repo.git',
        'https://example.com/a@b',
        'const DOC_URL = "https://deploy:YOUR_DEPLOY_PASSWORD@api.service.com";',
        'MONGO_URL=mongodb://mongoadmin:mongoadmin@localhost:27017/app',
        'const TEMPLATE = "https://{USER}:{PASSWORD}@registry.acme.dev";',
      ],
    },
  },
  {
    id: 'connection-string-password',
    provider: 'Connection strings',
    description: 'Password in an ADO.NET / JDBC / ODBC connection string',
    keywords: ['password=', 'pwd='],
    // `;` before or after the pair is what makes it a connection string (not a `.env` line).
    pattern: /(;\s{0,3})?(?:[Pp]assword|PASSWORD|[Pp]wd|PWD)=([^;"'\s]{6,128})(?:;|(?=["'\s]|$))/,
    secretGroup: 2,
    validate: (s, m) => isPlausiblePassword(s) && (m.startsWith(';') || m.endsWith(';')) && !/^\{/.test(s),
    window: { before: 200, after: 200 },
    specificity: 1,
    entropy: 2.5,
    examples: {
      positive: ['Server=db;Database=app;User Id=sa;Password=Tq7vR2mX9kLp;'],
      negative: ['Server=db;User Id=sa;Password=password;', 'Password={0};'],
    },
  },
  {
    id: 'generic-password',
    provider: 'generic',
    description: 'Password assigned to a literal',
    keywords: ['password', 'passwd', 'passphrase', 'pwd'],
    // A quoted value (code, JSON, YAML), or an unquoted one that runs to the end of the line or a space
    // (.env, YAML, properties), which must look more like a password (see isUnquotedPassword).
    pattern:
      /(?:password|passwd|passphrase|pwd)[A-Za-z0-9_.-]{0,20}["']?\s{0,3}(?:=>|:=|=|:)\s{0,3}["'`]?((?<=["'`])[^"'`\s\\]{6,128}(?=["'`])|(?<![^\s=:>])[^"'`\s\\;,&]{6,128}(?![^\s"'`]))/i,
    secretGroup: 1,
    entropy: 2.3,
    validate: (s, m) =>
      isPlausiblePassword(s) &&
      !NOT_A_SECRET_NAME.test(m) &&
      !/^[A-Z_]+$/.test(s) &&
      !readsAsIdentifier(s) &&
      (/["'`]/.test(m.charAt(m.length - s.length - 1)) || isUnquotedPassword(s)),
    window: { before: 10, after: 200 },
    specificity: 1,
    examples: {
      positive: [
        'db_password = "Zq8vT3mW9kLp"',
        "  password: 'h7Kp2Lx9Qm4V'",
        '  password: Tq7vR2mX9kLp$',
        '{"username": "deploy", "password": "Vq8r2LmZ7pWx"}',
        'spring.datasource.password=h7Kp2Lx9Qm4V',
      ],
      negative: [
        'password = "password"',
        'password = ""',
        'password = get_password()',
        'password: "${DB_PASSWORD}"',
        'password_hash = "5f4dcc3b5aa765d61d8327deb882cf99"',
        'PWD=/home/runner/work/app2',
        "env: { PWD: '/Users/maciej' }",
        'password: !vault |',
        'const password = userPassword;',
        'password = config.db.password',
        'PASSWORD=changeme123',
        'password:\n  min_length: 12',
      ],
    },
  },
  {
    id: 'generic-api-key',
    provider: 'generic',
    description: 'Secret, token or API key assigned to a high-entropy literal',
    keywords: [
      'secret',
      'token',
      'api_key',
      'apikey',
      'api-key',
      'access_key',
      'accesskey',
      'auth_key',
      'private_key',
      'credential',
    ],
    pattern:
      /(?:secret|token|api_key|apikey|api-key|access_key|accesskey|auth_key|private_key|credential)[A-Za-z0-9_.-]{0,20}["']?\s{0,3}(?:=>|:=|=|:)\s{0,3}(["'`]?)([A-Za-z0-9_+/=~.-]{16,160})\1(?![A-Za-z0-9_+/=~.-])/i,
    secretGroup: 2,
    entropy: 3.6,
    validate: (s, m) =>
      /[0-9]/.test(s) &&
      /[A-Za-z]/.test(s) &&
      !isDigestLike(s) &&
      !readsAsIdentifier(s) &&
      // A checksummed format whose checksum failed (its own rule dropped it) is not a token.
      !/^(?:gh[pousr]|npm)_[A-Za-z0-9]{36}$/.test(s) &&
      !NOT_A_SECRET_NAME.test(m) &&
      !/^[a-z_$][\w$]*(?:\.[\w$]+)+$/i.test(s) &&
      !/^[\w-]+\.(?:js|ts|json|ya?ml|txt|md)$/.test(s),
    window: { before: 10, after: 240 },
    specificity: 1,
    examples: {
      positive: [
        'const apiKey = "q7Rk2Lm9Vw3ZpT6yBn4HcD7s";',
        'SERVICE_TOKEN=Zk3Q9vT7mX2pL8rW4nB6yC1h',
        'client_secret: 9fT2kLq8ZrV4mX7pW3nB6yC1',
      ],
      negative: [
        'token = "d41d8cd98f00b204e9800998ecf8427e"',
        'integrity: sha512-q7Rk2Lm9Vw3ZpT6yBn4HcD7sE1aGu5Kio8Nf0Jh2wXcQ7Rk2Lm9Vw3ZpT6yBn4Hc==',
        'secret_id = "3f9a1c7e-5b2d-4a4f-8c0e-9b1d7a3f5c8e"',
        'token = process.env.SERVICE_TOKEN_2024',
        'const tokenType = "authorizationCodeGrant";',
      ],
    },
  },
];

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
