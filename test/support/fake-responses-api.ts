import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback fake of the OpenAI Responses API (`POST /v1/responses`), as strict as the real one, for the
 * `openai` reviewer (the official `openai` package, JSON answers) and the real Codex CLI (`stream: true`,
 * Server-Sent Events).
 *
 *     const api = await new FakeResponsesApi({ apiKey: 'sk-test', turns: [answerJson({ comments: [] })] }).start();
 *     // OpenAI client: { baseURL: api.baseUrl, apiKey: 'sk-test' }; Codex provider: base_url = api.baseUrl
 *     api.requests[0].body.input …; await api.stop();
 *
 * Request checks follow the API's published description (openai/openai-openapi `CreateResponse`, and the
 * `ResponseCreateParams` of the `openai` package): a known top-level field list (an unknown one is a 400
 * `unknown_parameter`), field types and ranges (400 `invalid_type` / `invalid_value`), `model` required,
 * `text.format` of type `json_schema` with a valid `name`, an object `schema` and, when `strict` is true, the
 * Structured Outputs rules (every object has `additionalProperties: false` and lists every property in
 * `required`). `Authorization: Bearer <apiKey>` is required (401 `invalid_api_key` otherwise; the key is
 * never echoed); with `azure: true` the `api-key` header is accepted too, as Azure OpenAI does.
 *
 * Answers are scripted turns, used in order, one per request that passed the checks (a request refused with
 * 400/401 consumes no turn). When none is left the fake answers 500 `no scripted turn left`, so a client that
 * loops ends. A turn may also be a function of the request (to answer from what was sent).
 * Every request is recorded (`requests`: headers, raw body, parsed body, whether it was refused).
 */

export interface ResponseUsage {
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cached_tokens?: number;
}

/** An output item of a Response, as the API sends it (`message`, `function_call`, `custom_tool_call`, …). */
export type OutputItem = Record<string, unknown> & { readonly type: string };

export type ResponsesTurn =
  /** 200: a completed Response with these output items (JSON, or SSE when the request has `stream: true`). */
  | { readonly kind: 'output'; readonly items: readonly OutputItem[]; readonly usage?: ResponseUsage }
  /** 200: `status: incomplete`, `incomplete_details.reason = max_output_tokens`, the partial text. */
  | { readonly kind: 'truncated'; readonly partialText: string; readonly usage?: ResponseUsage }
  /** 200: a message whose content is a `refusal` part. */
  | { readonly kind: 'refusal'; readonly refusal: string }
  /** 429 with `Retry-After: <seconds>` (and `retry-after-ms` when `retryAfterMs` is given). */
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number; readonly retryAfterMs?: number }
  /** 500 `server_error`, as the API sends it. */
  | { readonly kind: 'server-error' }
  /** 200 headers and the start of a body that never ends (the client's timeout must fire). */
  | { readonly kind: 'never-ending' }
  /** 200 `application/json` whose body is not JSON. */
  | { readonly kind: 'invalid-json' }
  /** Any status, headers and raw body. */
  | { readonly kind: 'raw'; readonly status: number; readonly headers?: Record<string, string>; readonly body: string };

export interface RecordedResponsesRequest {
  readonly method: string;
  readonly path: string;
  /** The query string without `?` ('' when none): Azure OpenAI's `api-version`. */
  readonly query: string;
  readonly headers: IncomingMessage['headers'];
  readonly raw: string;
  /** The parsed JSON body (undefined when it was not JSON). */
  readonly body: Record<string, unknown> | undefined;
  /** Set when the fake refused the request (400/401/404) and why. */
  readonly refused?: { readonly status: number; readonly code: string; readonly message: string };
}

export interface FakeResponsesApiOptions {
  readonly apiKey: string;
  readonly turns?: ReadonlyArray<ResponsesTurn | ((request: RecordedResponsesRequest) => ResponsesTurn)>;
  /** Accept Azure OpenAI's `api-key` header as well as `Authorization: Bearer`. */
  readonly azure?: boolean;
}

/** A completed assistant message with this text. */
export function messageItem(text: string): OutputItem {
  return {
    type: 'message',
    id: `msg_${Math.random().toString(36).slice(2, 10)}`,
    status: 'completed',
    role: 'assistant',
    content: [{ type: 'output_text', text, annotations: [] }],
  };
}

/** A shell call as Codex's `exec_command` tool takes it. */
export function execCommandItem(cmd: string, callId = 'call_exec_1'): OutputItem {
  return {
    type: 'function_call',
    id: `fc_${callId}`,
    call_id: callId,
    name: 'exec_command',
    arguments: JSON.stringify({ cmd }),
    status: 'completed',
  };
}

/** A patch as Codex's freeform `apply_patch` tool takes it. */
export function applyPatchItem(patch: string, callId = 'call_patch_1'): OutputItem {
  return {
    type: 'custom_tool_call',
    id: `ctc_${callId}`,
    call_id: callId,
    name: 'apply_patch',
    input: patch,
    status: 'completed',
  };
}

/** A turn whose single message is this value as JSON (a structured-output answer). */
export function answerJson(value: unknown, usage?: ResponseUsage): ResponsesTurn {
  return { kind: 'output', items: [messageItem(JSON.stringify(value))], ...(usage ? { usage } : {}) };
}

/** A turn whose single message is this text. */
export function answerText(text: string, usage?: ResponseUsage): ResponsesTurn {
  return { kind: 'output', items: [messageItem(text)], ...(usage ? { usage } : {}) };
}

type ScriptedTurn = ResponsesTurn | ((request: RecordedResponsesRequest) => ResponsesTurn);

export class FakeResponsesApi {
  readonly requests: RecordedResponsesRequest[] = [];
  private server: Server | undefined;
  private readonly open = new Set<ServerResponse>();
  private readonly turns: ScriptedTurn[];
  private responseCount = 0;

  constructor(private readonly options: FakeResponsesApiOptions) {
    this.turns = [...(options.turns ?? [])];
  }

  /** The base URL a client is given: `http://127.0.0.1:<port>/v1` (requests go to `<baseUrl>/responses`). */
  get baseUrl(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('FakeResponsesApi is not listening');
    return `http://127.0.0.1:${address.port}/v1`;
  }

  /** Adds turns after those already scripted. */
  script(...turns: ScriptedTurn[]): this {
    this.turns.push(...turns);
    return this;
  }

  /** The requests that passed the checks (those a turn answered). */
  get accepted(): RecordedResponsesRequest[] {
    return this.requests.filter((r) => !r.refused);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0] ?? '';
    let body: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    const query = (req.url ?? '').split('?').slice(1).join('?');
    const base = { method: req.method ?? '', path, query, headers: req.headers, raw, body };
    const refusal = this.refuse(req, path, raw, body);
    if (refusal) {
      this.requests.push({
        ...base,
        refused: { status: refusal.status, code: refusal.code ?? 'unknown', message: refusal.message },
      });
      sendError(res, refusal);
      return;
    }
    const recorded: RecordedResponsesRequest = base;
    this.requests.push(recorded);
    const next = this.turns.shift();
    if (!next) {
      sendError(res, {
        status: 500,
        type: 'server_error',
        code: 'no_turn',
        param: null,
        message: 'fake Responses API: no scripted turn left',
      });
      return;
    }
    const turn = typeof next === 'function' ? next(recorded) : next;
    this.answer(res, turn, body!);
  }

  private refuse(
    req: IncomingMessage,
    path: string,
    raw: string,
    body: Record<string, unknown> | undefined,
  ): ApiError | undefined {
    if (req.method !== 'POST' || !/\/v1\/responses$|\/openai\/v1\/responses$/.test(path)) {
      return {
        status: 404,
        type: 'invalid_request_error',
        code: 'not_found',
        param: null,
        message: `Invalid URL (${req.method} ${path})`,
      };
    }
    if (!this.authorized(req)) {
      return {
        status: 401,
        type: 'invalid_request_error',
        code: 'invalid_api_key',
        param: null,
        message:
          'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
      };
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return {
        status: 400,
        type: 'invalid_request_error',
        code: 'invalid_content_type',
        param: null,
        message: 'Content-Type must be application/json',
      };
    }
    if (!body) {
      return {
        status: 400,
        type: 'invalid_request_error',
        code: 'invalid_json',
        param: null,
        message: `We could not parse the JSON body of your request. (${raw.length} bytes)`,
      };
    }
    const problem = checkCreateResponse(body);
    return problem ? { status: 400, type: 'invalid_request_error', ...problem } : undefined;
  }

  private authorized(req: IncomingMessage): boolean {
    if (req.headers.authorization === `Bearer ${this.options.apiKey}`) return true;
    return this.options.azure === true && req.headers['api-key'] === this.options.apiKey;
  }

  private answer(res: ServerResponse, turn: ResponsesTurn, request: Record<string, unknown>): void {
    switch (turn.kind) {
      case 'rate-limited':
        sendError(
          res,
          {
            status: 429,
            type: 'requests',
            code: 'rate_limit_exceeded',
            param: null,
            message: 'Rate limit reached for requests. Please try again later.',
          },
          {
            'retry-after': String(turn.retryAfterSeconds),
            ...(turn.retryAfterMs !== undefined ? { 'retry-after-ms': String(turn.retryAfterMs) } : {}),
          },
        );
        return;
      case 'server-error':
        sendError(res, {
          status: 500,
          type: 'server_error',
          code: null,
          param: null,
          message: 'The server had an error while processing your request. Sorry about that!',
        });
        return;
      case 'never-ending':
        this.open.add(res);
        res.writeHead(200, { 'content-type': request.stream === true ? 'text/event-stream' : 'application/json' });
        res.write(request.stream === true ? 'event: response.created\n' : '{"id":"resp_never","object":"response",');
        return;
      case 'invalid-json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"resp_bad","object":"response","output":[{"type":"message",');
        return;
      case 'raw':
        res.writeHead(turn.status, turn.headers ?? {});
        res.end(turn.body);
        return;
      default:
        this.sendResponse(res, buildResponse(turn, request, `resp_${++this.responseCount}`), request.stream === true);
    }
  }

  private sendResponse(res: ServerResponse, response: Record<string, unknown>, stream: boolean): void {
    const headers = { 'x-request-id': `req_${this.responseCount}`, 'openai-processing-ms': '1' };
    if (!stream) {
      res.writeHead(200, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(response));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
    let sequence = 0;
    const send = (type: string, data: Record<string, unknown>): void => {
      res.write(`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...data })}\n\n`);
    };
    send('response.created', {
      response: { ...response, status: 'in_progress', output: [], usage: null, incomplete_details: null },
    });
    (response.output as OutputItem[]).forEach((item, index) =>
      send('response.output_item.done', { output_index: index, item }),
    );
    send(response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response });
    res.end();
  }
}

interface ApiError {
  readonly status: number;
  readonly type: string;
  readonly code: string | null;
  readonly param: string | null;
  readonly message: string;
}

function sendError(res: ServerResponse, error: ApiError, headers: Record<string, string> = {}): void {
  res.writeHead(error.status, { 'content-type': 'application/json', ...headers });
  res.end(
    JSON.stringify({ error: { message: error.message, type: error.type, param: error.param, code: error.code } }),
  );
}

function buildResponse(turn: ResponsesTurn, request: Record<string, unknown>, id: string): Record<string, unknown> {
  let output: readonly OutputItem[] = [];
  let status = 'completed';
  let incomplete: Record<string, unknown> | null = null;
  let usage: ResponseUsage | undefined;
  if (turn.kind === 'output') {
    output = turn.items;
    usage = turn.usage;
  } else if (turn.kind === 'truncated') {
    output = [{ ...messageItem(turn.partialText), status: 'incomplete' }];
    status = 'incomplete';
    incomplete = { reason: 'max_output_tokens' };
    usage = turn.usage;
  } else if (turn.kind === 'refusal') {
    output = [{ ...messageItem(''), content: [{ type: 'refusal', refusal: turn.refusal }] }];
  }
  const outputChars = JSON.stringify(output).length;
  const used = usage ?? {
    input_tokens: Math.ceil(JSON.stringify(request.input ?? '').length / 4),
    output_tokens: Math.ceil(outputChars / 4),
  };
  return {
    id,
    object: 'response',
    created_at: 1_700_000_000,
    status,
    background: false,
    error: null,
    incomplete_details: incomplete,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    model: request.model,
    output,
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: null,
    reasoning: request.reasoning ?? { effort: null, summary: null },
    store: request.store ?? true,
    temperature: request.temperature ?? 1,
    text: request.text ?? { format: { type: 'text' } },
    tool_choice: request.tool_choice ?? 'auto',
    tools: request.tools ?? [],
    top_p: request.top_p ?? 1,
    truncation: request.truncation ?? 'disabled',
    usage: {
      input_tokens: used.input_tokens,
      input_tokens_details: { cached_tokens: used.cached_tokens ?? 0 },
      output_tokens: used.output_tokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: used.input_tokens + used.output_tokens,
    },
    user: null,
    metadata: request.metadata ?? {},
  };
}

type Problem = { readonly code: string; readonly param: string; readonly message: string };
type FieldCheck = (value: unknown, param: string) => Problem | undefined;

const typeProblem = (param: string, expected: string, value: unknown): Problem => ({
  code: 'invalid_type',
  param,
  message: `Invalid type for '${param}': expected ${expected}, but got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`} instead.`,
});
const valueProblem = (param: string, message: string): Problem => ({
  code: 'invalid_value',
  param,
  message: `Invalid value for '${param}': ${message}`,
});

const nullable =
  (check: FieldCheck): FieldCheck =>
  (value, param) =>
    value === null ? undefined : check(value, param);
const isString: FieldCheck = (v, p) => (typeof v === 'string' ? undefined : typeProblem(p, 'a string', v));
const isBoolean: FieldCheck = (v, p) => (typeof v === 'boolean' ? undefined : typeProblem(p, 'a boolean', v));
const isObject: FieldCheck = (v, p) =>
  v && typeof v === 'object' && !Array.isArray(v) ? undefined : typeProblem(p, 'an object', v);
const isArray: FieldCheck = (v, p) => (Array.isArray(v) ? undefined : typeProblem(p, 'an array', v));
const numberIn =
  (min: number, max: number, integer = false): FieldCheck =>
  (v, p) => {
    if (typeof v !== 'number' || (integer && !Number.isInteger(v)))
      return typeProblem(p, integer ? 'an integer' : 'a number', v);
    return v < min || v > max ? valueProblem(p, `expected a value between ${min} and ${max}, got ${v}.`) : undefined;
  };
const oneOf =
  (...allowed: string[]): FieldCheck =>
  (v, p) =>
    typeof v !== 'string'
      ? typeProblem(p, 'a string', v)
      : allowed.includes(v)
        ? undefined
        : valueProblem(p, `'${v}' is not one of ${allowed.map((a) => `'${a}'`).join(', ')}.`);

/** The top-level fields of `POST /responses` (CreateResponse) and their checks. */
const CREATE_RESPONSE_FIELDS: Record<string, FieldCheck> = {
  model: isString,
  input: checkInput,
  instructions: nullable(isString),
  text: checkText,
  stream: nullable(isBoolean),
  stream_options: nullable(isObject),
  store: nullable(isBoolean),
  background: nullable(isBoolean),
  max_output_tokens: nullable(numberIn(16, 1e9, true)),
  max_tool_calls: nullable(numberIn(1, 1e9, true)),
  temperature: nullable(numberIn(0, 2)),
  top_p: nullable(numberIn(0, 1)),
  top_logprobs: nullable(numberIn(0, 20, true)),
  tools: isArray,
  tool_choice: (v, p) => (typeof v === 'string' ? oneOf('none', 'auto', 'required')(v, p) : isObject(v, p)),
  parallel_tool_calls: nullable(isBoolean),
  previous_response_id: nullable(isString),
  conversation: nullable((v, p) => (typeof v === 'string' ? undefined : isObject(v, p))),
  reasoning: nullable(checkReasoning),
  include: nullable(isArray),
  metadata: nullable(isObject),
  prompt: nullable(isObject),
  prompt_cache_key: nullable(isString),
  prompt_cache_retention: nullable(oneOf('in_memory', '24h')),
  safety_identifier: nullable(isString),
  service_tier: nullable(oneOf('auto', 'default', 'flex', 'scale', 'priority')),
  truncation: nullable(oneOf('auto', 'disabled')),
  context_management: nullable(isArray),
  user: isString,
  // Not in the published description, but sent by the Codex CLI (0.171.0) on every request and accepted by the API.
  client_metadata: nullable(isObject),
};

/** Checks a CreateResponse body; the first problem found, as the API reports it, or undefined. */
export function checkCreateResponse(body: Record<string, unknown>): Problem | undefined {
  for (const [field, value] of Object.entries(body)) {
    const check = CREATE_RESPONSE_FIELDS[field];
    if (!check) return { code: 'unknown_parameter', param: field, message: `Unknown parameter: '${field}'.` };
    const problem = check(value, field);
    if (problem) return problem;
  }
  if (body.model === undefined && body.prompt === undefined)
    return { code: 'missing_required_parameter', param: 'model', message: "Missing required parameter: 'model'." };
  if (body.stream_options != null && body.stream !== true)
    return valueProblem('stream_options', 'stream_options is only allowed when stream is true.');
  return undefined;
}

function checkInput(value: unknown, param: string): Problem | undefined {
  if (typeof value === 'string') return undefined;
  if (!Array.isArray(value)) return typeProblem(param, 'a string or an array of input items', value);
  for (const [index, item] of value.entries()) {
    const at = `${param}[${index}]`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) return typeProblem(at, 'an object', item);
    const { role, content, type } = item as Record<string, unknown>;
    if (type !== undefined && typeof type !== 'string') return typeProblem(`${at}.type`, 'a string', type);
    if (role === undefined) {
      if (type === undefined)
        return {
          code: 'missing_required_parameter',
          param: `${at}.type`,
          message: `Missing required parameter: '${at}.type'.`,
        };
      continue;
    }
    const roleProblem = oneOf('user', 'assistant', 'system', 'developer')(role, `${at}.role`);
    if (roleProblem) return roleProblem;
    if (typeof content === 'string') continue;
    if (!Array.isArray(content)) return typeProblem(`${at}.content`, 'a string or an array', content);
    for (const [partIndex, part] of content.entries()) {
      const partAt = `${at}.content[${partIndex}]`;
      const partType = (part as Record<string, unknown> | null)?.type;
      const typeCheck = oneOf(
        'input_text',
        'input_image',
        'input_file',
        'output_text',
        'refusal',
      )(partType, `${partAt}.type`);
      if (typeCheck) return typeCheck;
      const text = (part as Record<string, unknown>).text;
      if ((partType === 'input_text' || partType === 'output_text') && typeof text !== 'string')
        return typeProblem(`${partAt}.text`, 'a string', text);
    }
  }
  return undefined;
}

function checkReasoning(value: unknown, param: string): Problem | undefined {
  const objectProblem = isObject(value, param);
  if (objectProblem) return objectProblem;
  const { effort, summary } = value as Record<string, unknown>;
  if (effort != null) {
    const p = oneOf('none', 'minimal', 'low', 'medium', 'high', 'xhigh')(effort, `${param}.effort`);
    if (p) return p;
  }
  return summary != null ? oneOf('auto', 'concise', 'detailed', 'none')(summary, `${param}.summary`) : undefined;
}

function checkText(value: unknown, param: string): Problem | undefined {
  const objectProblem = isObject(value, param);
  if (objectProblem) return objectProblem;
  const { format, verbosity, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown)
    return {
      code: 'unknown_parameter',
      param: `${param}.${unknown}`,
      message: `Unknown parameter: '${param}.${unknown}'.`,
    };
  if (verbosity != null) {
    const p = oneOf('low', 'medium', 'high')(verbosity, `${param}.verbosity`);
    if (p) return p;
  }
  return format === undefined ? undefined : checkFormat(format, `${param}.format`);
}

function checkFormat(value: unknown, param: string): Problem | undefined {
  const objectProblem = isObject(value, param);
  if (objectProblem) return objectProblem;
  const { type, name, schema, strict, description, ...rest } = value as Record<string, unknown>;
  const typeCheck = oneOf('text', 'json_object', 'json_schema')(type, `${param}.type`);
  if (typeCheck) return typeCheck;
  const unknown = Object.keys(rest)[0];
  if (unknown)
    return {
      code: 'unknown_parameter',
      param: `${param}.${unknown}`,
      message: `Unknown parameter: '${param}.${unknown}'.`,
    };
  if (type !== 'json_schema') return undefined;
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name))
    return valueProblem(`${param}.name`, 'must be 1-64 characters of a-z, A-Z, 0-9, underscores and dashes.');
  if (description !== undefined && typeof description !== 'string')
    return typeProblem(`${param}.description`, 'a string', description);
  if (strict != null && typeof strict !== 'boolean') return typeProblem(`${param}.strict`, 'a boolean', strict);
  const schemaProblem = isObject(schema, `${param}.schema`);
  if (schemaProblem)
    return {
      code: 'missing_required_parameter',
      param: `${param}.schema`,
      message: `Missing required parameter: '${param}.schema'.`,
    };
  if (strict !== true) return undefined;
  const strictProblem = findStrictSchemaProblem(schema as Record<string, unknown>, []);
  return strictProblem
    ? {
        code: 'invalid_json_schema',
        param: `${param}.schema`,
        message: `Invalid schema for response_format '${name}': ${strictProblem}`,
      }
    : undefined;
}

/** Structured Outputs (strict) rules: objects closed, every property required; walked through the schema. */
function findStrictSchemaProblem(schema: Record<string, unknown>, path: readonly string[]): string | undefined {
  const at = `context=(${path.map((p) => `'${p}'`).join(', ')})`;
  if (schema.type === 'object' || schema.properties) {
    if (schema.additionalProperties !== false)
      return `In ${at}, 'additionalProperties' is required to be supplied and to be false.`;
    const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    const missing = Object.keys(properties).find((key) => !required.includes(key));
    if (missing)
      return `In ${at}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    for (const [key, child] of Object.entries(properties)) {
      const problem = findStrictSchemaProblem(child, [...path, 'properties', key]);
      if (problem) return problem;
    }
  }
  const nested: Array<[string, unknown]> = [['items', schema.items]];
  for (const keyword of ['anyOf', 'allOf', 'oneOf'] as const) {
    if (Array.isArray(schema[keyword]))
      (schema[keyword] as unknown[]).forEach((s, i) => nested.push([`${keyword}[${i}]`, s]));
  }
  for (const [key, value] of [
    ...nested,
    ...Object.entries((schema.$defs ?? schema.definitions ?? {}) as Record<string, unknown>),
  ]) {
    if (!value || typeof value !== 'object') continue;
    const problem = findStrictSchemaProblem(value as Record<string, unknown>, [...path, key]);
    if (problem) return problem;
  }
  return undefined;
}
