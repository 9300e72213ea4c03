import type { CustomSecretRuleConfig } from '../config/types.js';
import { compileCustomRules, type SecretRule } from '../core/secrets/index.js';

/** Custom secret rules from the config, compiled by the scanner itself (patterns were checked at load time). */
export function toSecretRules(configs: readonly CustomSecretRuleConfig[]): SecretRule[] {
  return compileCustomRules(configs);
}
