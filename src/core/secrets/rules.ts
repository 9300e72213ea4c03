import type { SecretRule } from './types.js';

/** The built-in rules. */
export const BUILTIN_RULES: readonly SecretRule[] = [
  {
    id: 'aws-access-key-id',
    description: 'AWS access key ID',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    pattern: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/,
    secretGroup: 1,
    examples: {
      positive: ['aws_access_key_id = AKIAZ3MSJV4WWNKWW3D2'],
      negative: ['AKIAIOSFODNN7EXAMPLE', 'AKIA1234'],
    },
  },
  {
    id: 'github-token',
    description: 'GitHub token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b/,
    secretGroup: 1,
    examples: {
      positive: ['token: ghp_R8fJk2LmQ9vXw3ZpT6yBn4HcD7sE1aGu5Kio'],
      negative: ['ghp_short', 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'private-key',
    description: 'Private key block',
    keywords: ['private key'],
    pattern:
      /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----[\s\S]{64,}?-----END \1-----/,
    examples: {
      positive: [
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----',
      ],
      negative: ['-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----'],
    },
  },
];
