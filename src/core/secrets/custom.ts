import { checkUserRegex } from '../validators/regex-guard.js';
import type { CustomSecretRuleConfig, SecretRule } from './types.js';

/** A custom rule the config got wrong; the caller reports it as a configuration error. */
export class InvalidSecretRuleError extends Error {
  override readonly name = 'InvalidSecretRuleError';
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A leading `(?i)` (gitleaks style, which JavaScript does not parse) as the `i` flag. */
export function splitCaseFlag(pattern: string): { readonly source: string; readonly flags: string } {
  return pattern.startsWith('(?i)') ? { source: pattern.slice(4), flags: 'i' } : { source: pattern, flags: '' };
}

/**
 * Turns the config's custom rules into SecretRules. A pattern that does not compile, or whose shape can
 * backtrack catastrophically, is an InvalidSecretRuleError naming the rule; the loader adds file and line.
 * A leading `(?i)` (gitleaks style) becomes the `i` flag.
 */
export function compileCustomRules(configs: readonly CustomSecretRuleConfig[]): SecretRule[] {
  return configs.map((config) => {
    if (!ID.test(config.id)) {
      throw new InvalidSecretRuleError(`secret rule id '${config.id}' must be kebab-case (a-z, 0-9, -)`);
    }
    const { source, flags } = splitCaseFlag(config.pattern);
    let pattern: RegExp;
    try {
      pattern = new RegExp(source, flags);
    } catch (error) {
      throw new InvalidSecretRuleError(
        `secret rule '${config.id}': pattern does not compile (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const risk = checkUserRegex(source, flags);
    if (risk) throw new InvalidSecretRuleError(`secret rule '${config.id}': pattern refused: ${risk.reason}`);
    const keywords = (config.keywords ?? []).map((k) => k.toLowerCase());
    // With keywords the regex only sees a window; let the secret reach well past the keyword.
    const secretGroup = new RegExp(`${source}|`).exec('')!.length > 1 ? 1 : 0;
    return {
      id: config.id,
      description: config.description ?? `Custom secret rule ${config.id}`,
      provider: 'custom',
      keywords,
      pattern,
      secretGroup,
      ...(config.entropy !== undefined ? { entropy: config.entropy } : {}),
      ...(config.severity ? { severity: config.severity } : {}),
      window: { before: 200, after: 1000 },
      specificity: 4,
      examples: { positive: [], negative: [] },
      userPattern: true,
    };
  });
}
