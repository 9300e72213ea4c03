import type { CustomSecretRuleConfig } from '../config/types.js';
import { compileCustomRules, InvalidSecretRuleError, type SecretRule } from '../core/secrets/index.js';
import { ConfigurationError } from '../errors.js';

/** Custom secret rules from the config, compiled by the scanner itself (patterns were checked at load time). */
export function toSecretRules(configs: readonly CustomSecretRuleConfig[]): SecretRule[] {
  try {
    return compileCustomRules(configs);
  } catch (error) {
    // The user wrote the rule: say so as a configuration error, as every other config problem.
    if (error instanceof InvalidSecretRuleError) throw new ConfigurationError(error.message);
    throw error;
  }
}
