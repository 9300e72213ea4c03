/**
 * How messages name a setting: the action's input, or the CLI's flag or environment variable. A user
 * of the CLI has no `codex-token` input to fix, so an error must name what they can set.
 */
export interface SettingNames {
  readonly token: string;
  readonly hookUrl: string;
  readonly hookMaxBytes: string;
  readonly model: string;
  readonly apiKey: string;
  readonly baseUrl: string;
}

export const ACTION_SETTING_NAMES: SettingNames = {
  token: "input 'codex-token'",
  hookUrl: "input 'hook-url'",
  hookMaxBytes: "input 'hook-max-bytes'",
  model: "input 'model'",
  apiKey: "input 'openai-api-key' (or OPENAI_API_KEY)",
  baseUrl: "input 'openai-base-url'",
};

export const CLI_SETTING_NAMES: SettingNames = {
  token: 'CODEX_TOKEN',
  hookUrl: '--hook-url',
  hookMaxBytes: "the CLI's request limit",
  model: '--model (or OPENAI_MODEL)',
  apiKey: 'OPENAI_API_KEY',
  baseUrl: '--base-url (or OPENAI_BASE_URL)',
};
