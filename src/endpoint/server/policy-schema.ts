import { LOGGER_OPTIONS_SCHEMA } from '../../config/schema.js';

/**
 * JSON Schema (draft-07) of the endpoint's policy file. The same object ships as
 * `schema/endpoint-policy.schema.json` for editor completion; a test keeps the two equal.
 */

const cidrList = {
  title: 'IP restrictions',
  description: 'CIDR ranges (IPv4 or IPv6) the client address must be in; absent or empty: any address.',
  type: 'array',
  items: { type: 'string', minLength: 1 },
} as const;

const usageLimits = {
  title: 'Usage limits',
  description: 'At most `max_requests` per `reset_interval`; past it the endpoint answers 429 with Retry-After.',
  type: 'object',
  additionalProperties: false,
  required: ['max_requests', 'reset_interval'],
  properties: {
    max_requests: { title: 'Max requests', description: 'Requests per window.', type: 'integer', minimum: 1 },
    reset_interval: {
      title: 'Reset interval',
      description: 'hourly, daily, weekly, monthly (30 days), or a duration such as 15m, 1h, 7d.',
      type: 'string',
      minLength: 1,
    },
  },
} as const;

const sha256 = {
  title: 'Token SHA-256',
  description: 'The SHA-256 of the token, 64 hex characters. Never the token itself.',
  type: 'string',
  pattern: '^[0-9a-f]{64}$',
} as const;

const accessToken = {
  title: 'Access token',
  description: 'A programmatic access token, known by the SHA-256 of its value.',
  type: 'object',
  additionalProperties: false,
  required: ['token_id', 'token_sha256', 'scopes', 'expiration'],
  properties: {
    token_id: {
      title: 'Token id',
      description: 'A name for the token, unique in the file; it appears in logs and the audit trail.',
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
    },
    description: { title: 'Description', description: 'Who uses it, and for what.', type: 'string' },
    token_sha256: sha256,
    scopes: {
      title: 'Scopes',
      description: 'The review needs hooks:trigger or hooks:execute; other scopes are accepted and reported.',
      type: 'array',
      items: { type: 'string', pattern: '^[a-z][a-z0-9_-]*:[a-z*][a-z0-9_*-]*$' },
    },
    created: { title: 'Created', description: 'When it was issued.', type: 'string', format: 'date-time' },
    expiration: {
      title: 'Expiration',
      description: 'After this instant the token gets 401.',
      type: 'string',
      format: 'date-time',
    },
    not_before: {
      title: 'Not before',
      description: 'Before this instant the token gets 401.',
      type: 'string',
      format: 'date-time',
    },
    revoked: {
      title: 'Revoked',
      description: 'When it was revoked (`codex-hooks token revoke`); from then on it gets 401.',
      type: 'string',
      format: 'date-time',
    },
    ip_restrictions: cidrList,
    usage_limits: usageLimits,
    audit_enabled: {
      title: 'Audit enabled',
      description: 'Write an audit line for each use (default true).',
      type: 'boolean',
    },
    previous_tokens: {
      title: 'Previous tokens',
      description: 'Values replaced by `codex-hooks token rotate`, valid until the end of their grace period.',
      type: 'array',
      items: {
        title: 'Previous token',
        description: 'A replaced value and the end of its grace period.',
        type: 'object',
        additionalProperties: false,
        required: ['token_sha256', 'valid_until'],
        properties: {
          token_sha256: sha256,
          valid_until: {
            title: 'Valid until',
            description: 'The end of the grace period.',
            type: 'string',
            format: 'date-time',
          },
        },
      },
    },
  },
} as const;

export const POLICY_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/codex-hooks/codex-hooks-action/schema/endpoint-policy.schema.json',
  title: 'codex-hooks endpoint policy',
  description: 'Who may call the codex-hooks endpoint (hook-server), from where, how often, and what is logged.',
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    $schema: { title: 'Schema', description: 'For editors; ignored by the server.', type: 'string' },
    version: { title: 'Version', description: 'Format version; must be 1.', const: 1 },
    backend: {
      title: 'Backend',
      description:
        'The reviewer behind the endpoint: rules (offline reference rules, the default), openai (the Responses API) or codex (the Codex CLI). The model key comes from the server environment (OPENAI_API_KEY), never from this file. The --backend flag overrides it; read when the server starts.',
      enum: ['rules', 'openai', 'codex'],
    },
    server: {
      title: 'Server',
      description: 'Limits and the network in front of the server.',
      type: 'object',
      additionalProperties: false,
      properties: {
        trusted_proxies: {
          ...cidrList,
          title: 'Trusted proxies',
          description: 'Only a request from these addresses may name the client in X-Forwarded-For.',
        },
        max_body_bytes: {
          title: 'Max body bytes',
          description: 'Larger requests get 413 (default 10 MB).',
          type: 'integer',
          minimum: 1,
        },
        max_concurrent: {
          title: 'Max concurrent',
          description: 'Reviews in progress at once; more get 503 with Retry-After (default 32).',
          type: 'integer',
          minimum: 1,
        },
      },
    },
    jwt: {
      title: 'JWT',
      description: "Accept JWTs signed by the team's identity provider, besides the access tokens below.",
      type: 'object',
      additionalProperties: false,
      properties: {
        jwks_url: {
          title: 'JWKS URL',
          description: "The identity provider's JSON Web Key Set (https).",
          type: 'string',
          format: 'uri',
        },
        hs256_secret_env: {
          title: 'HS256 secret variable',
          description: 'The environment variable holding a shared HS256 secret (at least 32 bytes).',
          type: 'string',
          pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
        },
        issuer: { title: 'Issuer', description: 'Required `iss`.', type: 'string', minLength: 1 },
        audience: { title: 'Audience', description: 'Required `aud`.', type: 'string', minLength: 1 },
        ip_restrictions: cidrList,
        usage_limits: usageLimits,
        audit_enabled: { title: 'Audit enabled', description: 'Default true.', type: 'boolean' },
      },
    },
    audit: {
      title: 'Audit log',
      description: 'One JSON line per request; the token never, its id and fingerprint always.',
      type: 'object',
      additionalProperties: false,
      required: ['output'],
      properties: {
        output: { title: 'Output', description: 'Path of the log file.', type: 'string', minLength: 1 },
        format: { title: 'Format', description: 'JSON lines.', type: 'string', enum: ['json'] },
        options: LOGGER_OPTIONS_SCHEMA,
        include_payload: {
          title: 'Include payload',
          description:
            "Also log what was reviewed and answered (patches, title, comments, summary), redacted: secrets the scanner recognises and the caller's token are replaced. Default false: metadata only.",
          type: 'boolean',
        },
      },
    },
    access_tokens: {
      title: 'Access tokens',
      description: 'Managed with `codex-hooks token create | rotate | revoke | list`.',
      type: 'array',
      items: accessToken,
    },
  },
} as const;
