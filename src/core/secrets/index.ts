export type { SecretMatch, SecretRule, SecretScanOptions } from './types.js';
export { BUILTIN_RULES } from './rules.js';
export { scanSecrets, shannonEntropy } from './scan.js';
export { redactSecrets, secretHint } from './redact.js';
