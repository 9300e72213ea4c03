export type { BaselineFile, SecretMatch, SecretRule, SecretScanOptions } from './types.js';
export { BUILTIN_RULES } from './rules/index.js';
export { scanJoinedLines, scanSecrets, scanText } from './scan.js';
export { shannonEntropy } from './entropy.js';
export { secretHint } from './hint.js';
export { createBaseline, parseBaseline, secretFingerprint } from './fingerprint.js';
export { compileCustomRules, InvalidSecretRuleError } from './custom.js';
export { hasLowVariety, isPlaceholder, isDigestLike } from './filters.js';
export { hasValidBase62Checksum } from './checksum.js';
