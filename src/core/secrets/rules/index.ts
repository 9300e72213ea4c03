import type { SecretRule } from '../types.js';
import { AI_RULES } from './ai.js';
import { CLOUD_RULES } from './cloud.js';
import { CODE_HOSTING_RULES } from './code-hosting.js';
import { CONFIG_CREDENTIAL_RULES } from './commands-and-configs.js';
import { GENERIC_RULES } from './generic.js';
import { INFRA_RULES } from './infra.js';
import { LONG_TAIL_RULES } from './long-tail.js';
import { MESSAGING_RULES } from './messaging.js';
import { PAYMENT_RULES } from './payments.js';
import { REGISTRY_RULES } from './registries.js';

/** The built-in rules, provider-specific first; generic rules last (they lose ties). */
export const BUILTIN_RULES: readonly SecretRule[] = [
  ...CLOUD_RULES,
  ...CODE_HOSTING_RULES,
  ...PAYMENT_RULES,
  ...MESSAGING_RULES,
  ...AI_RULES,
  ...REGISTRY_RULES,
  ...INFRA_RULES,
  ...LONG_TAIL_RULES,
  ...CONFIG_CREDENTIAL_RULES,
  ...GENERIC_RULES,
];
