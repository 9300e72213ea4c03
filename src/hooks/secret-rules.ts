import type { CustomSecretRuleConfig } from '../config/types.js';
import type { SecretRule } from '../core/secrets/index.js';

/**
 * Custom secret rules from the config, compiled minimally. The secrets module is growing its own
 * `compileCustomRules`; this is the one place to point at it. Patterns were checked at load time.
 */
export function toSecretRules(configs: readonly CustomSecretRuleConfig[]): SecretRule[] {
  return configs.map((c) => ({
    id: c.id,
    description: c.description ?? c.id,
    // No keywords: an empty keyword is contained in every text, so the rule always runs.
    keywords: c.keywords && c.keywords.length > 0 ? c.keywords.map((k) => k.toLowerCase()) : [''],
    pattern: new RegExp(c.pattern),
    ...(c.entropy !== undefined ? { entropy: c.entropy } : {}),
    ...(c.severity !== undefined ? { severity: c.severity } : {}),
    examples: { positive: [], negative: [] },
  }));
}
