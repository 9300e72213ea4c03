import type { SecretRule } from '../types.js';
import { named, prefixed } from './define.js';

/** Chat, email, SMS and push. */
export const MESSAGING_RULES: readonly SecretRule[] = [
  prefixed({
    id: 'slack-token',
    provider: 'Slack',
    description: 'Slack bot, user, app, config or refresh token',
    prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xoxe.', 'xapp-'],
    token:
      '(?:xox[baprs]-[0-9]{10,13}-[0-9A-Za-z-]{10,80}|xoxe(?:\\.xox[bp])?-1-[A-Za-z0-9]{140,170}|xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-z0-9]{40,80})',
    example: (g) => [
      'xoxb-' + g.digits(12) + '-' + g.digits(13) + '-' + g.alnum(24),
      'xapp-1-A' + g.upper(10) + '-' + g.digits(13) + '-' + g.hex(64),
    ],
    window: { before: 20, after: 400 },
  }),
  prefixed({
    id: 'slack-webhook',
    provider: 'Slack',
    description: 'Slack incoming webhook or workflow URL',
    prefixes: ['hooks.slack.com/'],
    token:
      'hooks\\.slack\\.com/(?:services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{23,25}|(?:workflows|triggers)/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{15,20}/[a-f0-9]{32})',
    example: (g) => 'https://hooks.slack.com/services/T' + g.upper(10) + '/B' + g.upper(10) + '/' + g.alnum(24),
  }),
  named({
    id: 'discord-bot-token',
    provider: 'Discord',
    description: 'Discord bot token',
    names: ['discord'],
    value: '[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}',
    example: (g) => 'M' + g.b64url(25) + '.' + g.b64url(6) + '.' + g.b64url(38),
  }),
  prefixed({
    id: 'discord-webhook',
    provider: 'Discord',
    description: 'Discord webhook URL',
    prefixes: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'],
    token: 'discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,70}',
    example: (g) => 'https://discord.com/api/webhooks/' + g.digits(18) + '/' + g.b64url(68),
  }),
  prefixed({
    id: 'telegram-bot-token',
    provider: 'Telegram',
    description: 'Telegram bot token',
    prefixes: [':aa'],
    token: '[0-9]{8,10}:AA[A-Za-z0-9_-]{33}',
    example: (g) => g.digits(10) + ':AA' + g.b64url(33),
  }),
  named({
    id: 'twilio-auth-token',
    provider: 'Twilio',
    description: 'Twilio auth token or API key secret',
    names: ['twilio'],
    // Auth tokens are 32 hex characters; an API key's secret is 32 alphanumerics. `SK` + 32 hex is the
    // API key's SID and `AC` + 32 hex the account SID (Twilio's Key resource documents the SID pattern):
    // identifiers, not secrets, and 34 characters long, so they do not match.
    value: '[A-Za-z0-9]{32}',
    entropy: 3.2,
    example: (g) => g.hex(32),
    negative: ['TWILIO_API_KEY_SID=SK3f9a1c7e5b2d8a4f6c0e9b1d7a3f5c8e'],
  }),
  prefixed({
    id: 'sendgrid-api-key',
    provider: 'SendGrid',
    description: 'SendGrid API key',
    prefixes: ['sg.'],
    token: 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}',
    example: (g) => 'SG.' + g.b64url(22) + '.' + g.b64url(43),
  }),
  prefixed({
    id: 'mailgun-api-key',
    provider: 'Mailgun',
    description: 'Mailgun API key',
    prefixes: ['key-'],
    token: 'key-[a-f0-9]{32}',
    entropy: 3.3,
    example: (g) => 'key-' + g.hex(32),
  }),
  named({
    id: 'mailgun-signing-key',
    provider: 'Mailgun',
    description: 'Mailgun API or webhook signing key',
    names: ['mailgun'],
    value: '[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}',
    example: (g) => g.hex(32) + '-' + g.hex(8) + '-' + g.hex(8),
  }),
  prefixed({
    id: 'mailchimp-api-key',
    provider: 'Mailchimp',
    description: 'Mailchimp API key',
    prefixes: ['-us'],
    token: '[a-f0-9]{32}-us[0-9]{1,2}',
    example: (g) => g.hex(32) + '-us14',
  }),
  prefixed({
    id: 'mandrill-api-key',
    provider: 'Mandrill',
    description: 'Mailchimp Transactional (Mandrill) API key',
    prefixes: ['md-'],
    token: 'md-[A-Za-z0-9_-]{22}',
    entropy: 3.8,
    example: (g) => 'md-' + g.b64url(22),
  }),
  named({
    id: 'postmark-token',
    provider: 'Postmark',
    description: 'Postmark server or account token',
    names: ['postmark'],
    value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
    example: (g) => g.uuid(),
  }),
  prefixed({
    id: 'brevo-api-key',
    provider: 'Brevo',
    description: 'Brevo (Sendinblue) API or SMTP key',
    prefixes: ['xkeysib-', 'xsmtpsib-'],
    token: 'x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}',
    example: (g) => 'xkeysib-' + g.hex(64) + '-' + g.alnum(16),
  }),
  prefixed({
    id: 'resend-api-key',
    provider: 'Resend',
    description: 'Resend API key',
    prefixes: ['re_'],
    token: 're_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}',
    example: (g) => 're_' + g.alnum(8) + '_' + g.alnum(24),
  }),
  named({
    id: 'sparkpost-api-key',
    provider: 'SparkPost',
    description: 'SparkPost API key',
    names: ['sparkpost'],
    value: '[a-f0-9]{40}',
    example: (g) => g.hex(40),
  }),
  named({
    id: 'mailjet-secret',
    provider: 'Mailjet',
    description: 'Mailjet API secret',
    names: ['mailjet', 'mj_apikey'],
    value: '[a-f0-9]{32}',
    example: (g) => g.hex(32),
  }),
  named({
    id: 'vonage-api-secret',
    provider: 'Vonage',
    description: 'Vonage (Nexmo) API secret',
    names: ['vonage', 'nexmo'],
    value: '[A-Za-z0-9]{16}',
    entropy: 3.5,
    example: (g) => g.alnum(16),
  }),
  named({
    id: 'plivo-auth-token',
    provider: 'Plivo',
    description: 'Plivo auth token',
    names: ['plivo'],
    value: '[A-Za-z0-9]{40}',
    entropy: 4,
    example: (g) => g.alnum(40),
  }),
  named({
    id: 'messagebird-key',
    provider: 'MessageBird',
    description: 'MessageBird (Bird) access key',
    names: ['messagebird'],
    value: '[A-Za-z0-9]{25}',
    entropy: 3.8,
    example: (g) => g.alnum(25),
  }),
  named({
    id: 'pusher-secret',
    provider: 'Pusher',
    description: 'Pusher Channels app secret',
    names: ['pusher'],
    value: '[a-f0-9]{20}',
    example: (g) => g.hex(20),
  }),
  prefixed({
    id: 'teams-webhook',
    provider: 'Microsoft Teams',
    description: 'Microsoft Teams incoming webhook URL',
    prefixes: ['webhook.office.com/'],
    token:
      '[a-z0-9-]{1,40}\\.webhook\\.office\\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36}',
    example: (g) =>
      'acme.webhook.office.com/webhookb2/' +
      g.uuid() +
      '@' +
      g.uuid() +
      '/IncomingWebhook/' +
      g.hex(32) +
      '/' +
      g.uuid(),
  }),
  prefixed({
    id: 'google-chat-webhook',
    provider: 'Google Chat',
    description: 'Google Chat webhook token',
    prefixes: ['chat.googleapis.com/'],
    token:
      'chat\\.googleapis\\.com/v1/spaces/[A-Za-z0-9_-]{11}/messages\\?key=[A-Za-z0-9_-]{39}&token=[A-Za-z0-9_%=-]{43,50}',
    example: (g) =>
      'https://chat.googleapis.com/v1/spaces/' +
      g.b64url(11) +
      '/messages?key=AIza' +
      g.b64url(35) +
      '&token=' +
      g.b64url(43),
  }),
  prefixed({
    id: 'zapier-webhook',
    provider: 'Zapier',
    description: 'Zapier catch hook URL',
    prefixes: ['hooks.zapier.com/'],
    token: 'hooks\\.zapier\\.com/hooks/catch/[0-9]{5,10}/[a-z0-9]{6,8}',
    example: (g) => 'https://hooks.zapier.com/hooks/catch/' + g.digits(7) + '/' + g.lower(7),
  }),
  prefixed({
    id: 'firebase-cloud-messaging-key',
    provider: 'Firebase',
    description: 'Firebase Cloud Messaging legacy server key',
    prefixes: ['apa91b'],
    token: 'AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}',
    entropy: 4,
    example: (g) => 'AAAA' + g.b64url(7) + ':APA91b' + g.b64url(134),
    placeholderFilter: false,
    window: { before: 20, after: 200 },
  }),
  named({
    id: 'mattermost-token',
    provider: 'Mattermost',
    description: 'Mattermost access token',
    names: ['mattermost'],
    value: '[a-z0-9]{26}',
    entropy: 3.8,
    example: (g) => g.lower(26),
  }),
  named({
    id: 'line-channel-token',
    provider: 'LINE',
    description: 'LINE Messaging API channel access token',
    names: ['line_channel', 'line_access'],
    value: '[A-Za-z0-9+/]{171,172}={0,1}',
    entropy: 4.5,
    example: (g) => g.b64(172),
    window: { before: 20, after: 260 },
  }),
  prefixed({
    id: 'power-automate-webhook',
    provider: 'Microsoft Power Automate',
    description: 'Power Automate / Logic Apps HTTP trigger URL with its signature',
    prefixes: ['.logic.azure.com', '.powerplatform.com'],
    token:
      'https://[A-Za-z0-9.-]{1,80}\\.(?:logic\\.azure|powerplatform)\\.com(?::443)?/[A-Za-z0-9/._-]{0,120}?workflows/[A-Za-z0-9]{32}/triggers/[A-Za-z0-9_-]{1,40}/paths/invoke[^\\s"\'<>]{0,200}?[?&]sig=[A-Za-z0-9_-]{43}',
    example: (g) =>
      'https://prod-27.westeurope.logic.azure.com:443/workflows/' +
      g.hex(32) +
      '/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=' +
      g.b64url(43),
  }),
  prefixed({
    id: 'twitch-stream-key',
    provider: 'Twitch',
    description: 'Twitch stream key (live_)',
    prefixes: ['live_'],
    token: 'live_[0-9]{6,12}_[A-Za-z0-9]{30}',
    example: (g) => 'live_' + g.digits(9) + '_' + g.alnum(30),
  }),

  prefixed({
    id: 'tines-webhook',
    provider: 'Tines',
    description: 'Tines webhook URL (its path carries the secret)',
    prefixes: ['tines.com/webhook/'],
    token: '[a-z0-9-]{1,63}\\.tines\\.com/webhook/[a-z0-9]{32}/[a-z0-9]{32}',
    example: (g) => 'https://' + g.lower(8) + '.tines.com/webhook/' + g.lower(32) + '/' + g.lower(32),
  }),
  prefixed({
    id: 'zoho-crm-token',
    provider: 'Zoho CRM',
    description: 'Zoho OAuth access or refresh token (1000. and two 32-hex parts)',
    prefixes: ['1000.'],
    token: '1000\\.[a-f0-9]{32}\\.[a-f0-9]{32}',
    example: (g) => '1000.' + g.hex(32) + '.' + g.hex(32),
    window: { before: 0, after: 80 },
  }),
];
