import { createHash } from 'node:crypto';
import { CODEX_EVENTS, type CodexEventName } from './codex-event.js';
import { CODEX_EVENT_SETUP } from './policy.js';

/**
 * Codex's hooks.json (`{"hooks": {"<Event>": [{"matcher"?, "hooks": [{"type": "command", …}]}]}}`): the
 * entries `init codex` adds, merged into whatever the file already holds, and the trust Codex asks for them.
 */

export interface CommandHandler {
  readonly type: 'command';
  readonly command: string;
  readonly timeout: number;
}

export interface MatcherGroup {
  readonly matcher?: string;
  readonly hooks: readonly CommandHandler[];
}

export type HooksFile = { hooks: Record<string, unknown[]> } & Record<string, unknown>;

/** One matcher group per event, each running `command`. */
export function codexHookGroups(command: string): Record<CodexEventName, MatcherGroup> {
  const entries = CODEX_EVENTS.map((event) => {
    const setup = CODEX_EVENT_SETUP[event];
    const group: MatcherGroup = {
      ...(setup.matcher !== undefined ? { matcher: setup.matcher } : {}),
      hooks: [{ type: 'command', command, timeout: setup.timeoutSeconds }],
    };
    return [event, group] as const;
  });
  return Object.fromEntries(entries) as Record<CodexEventName, MatcherGroup>;
}

export interface MergeResult {
  readonly file: HooksFile;
  readonly changed: boolean;
  /** Where each of our groups sits: the event's group index, for the trust key. */
  readonly positions: Readonly<Record<CodexEventName, number>>;
}

/**
 * Adds our groups to an existing hooks file without touching anything else. A group of ours (its one handler
 * runs the same command) is updated in place; otherwise ours is appended. Running it twice changes nothing.
 */
export function mergeHooksFile(existing: unknown, command: string): MergeResult {
  if (existing !== undefined && (typeof existing !== 'object' || existing === null || Array.isArray(existing)))
    throw new TypeError('the hooks file is not a JSON object');
  const file = structuredClone((existing ?? {}) as Record<string, unknown>);
  const hooks = file.hooks ?? {};
  if (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks))
    throw new TypeError("the hooks file's 'hooks' is not an object of events");
  file.hooks = hooks;
  const byEvent = hooks as Record<string, unknown>;
  let changed = existing === undefined;
  const positions = {} as Record<CodexEventName, number>;
  for (const [event, group] of Object.entries(codexHookGroups(command)) as [CodexEventName, MatcherGroup][]) {
    const list = byEvent[event] ?? [];
    if (!Array.isArray(list)) throw new TypeError(`the hooks file's '${event}' is not a list of matcher groups`);
    byEvent[event] = list;
    const at = list.findIndex((g) => isOurs(g, command));
    if (at >= 0) {
      positions[event] = at;
      if (JSON.stringify(list[at]) !== JSON.stringify(group)) {
        list[at] = group;
        changed = true;
      }
    } else {
      positions[event] = list.length;
      list.push(group);
      changed = true;
    }
  }
  return { file: file as HooksFile, changed, positions };
}

/** A group of ours runs our command alone; a group someone else added our command to is theirs to keep. */
function isOurs(group: unknown, command: string): boolean {
  const handlers = (group as { hooks?: unknown } | null)?.hooks;
  return (
    Array.isArray(handlers) &&
    handlers.length === 1 &&
    (handlers[0] as { command?: unknown } | null)?.command === command
  );
}

/** Codex's name for an event in trust keys: `PreToolUse` → `pre_tool_use`. */
export function eventKeyLabel(event: CodexEventName): string {
  return event.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase();
}

/** Matchers Codex leaves out of the hash: the events that ignore them. */
const NO_MATCHER = new Set<CodexEventName>(['UserPromptSubmit', 'Stop']);

/**
 * The `trusted_hash` Codex expects for one handler: SHA-256 over the compact JSON, keys sorted, of the
 * event's label, the group's matcher and this handler alone, normalised (`async` false, timeout at least 1).
 */
export function trustedHash(event: CodexEventName, group: MatcherGroup, handler: CommandHandler): string {
  const identity = {
    event_name: eventKeyLabel(event),
    hooks: [{ async: false, command: handler.command, timeout: Math.max(1, handler.timeout), type: 'command' }],
    ...(group.matcher !== undefined && !NO_MATCHER.has(event) ? { matcher: group.matcher } : {}),
  };
  return `sha256:${createHash('sha256').update(canonicalJson(identity)).digest('hex')}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface TrustEntry {
  /** `<absolute hooks.json path>:<event label>:<group index>:<handler index>` */
  readonly key: string;
  readonly hash: string;
}

/** The `[hooks.state."…"]` entries that trust our handlers in a hooks file at `hooksPath` (absolute, real). */
export function trustEntries(hooksPath: string, command: string, positions: MergeResult['positions']): TrustEntry[] {
  return (Object.entries(codexHookGroups(command)) as [CodexEventName, MatcherGroup][]).map(([event, group]) => ({
    key: `${hooksPath}:${eventKeyLabel(event)}:${positions[event]}:0`,
    hash: trustedHash(event, group, group.hooks[0]!),
  }));
}

/** The config.toml lines that trust the hooks (and the project, for a repository's hooks file). */
export function trustToml(entries: readonly TrustEntry[], project?: string): string {
  const lines: string[] = [];
  if (project !== undefined) lines.push(`[projects.${JSON.stringify(project)}]`, 'trust_level = "trusted"', '');
  for (const e of entries) lines.push(`[hooks.state.${JSON.stringify(e.key)}]`, `trusted_hash = "${e.hash}"`, '');
  return lines.join('\n');
}
