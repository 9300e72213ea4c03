import { redactSecrets, redactText } from '../secrets/redact.js';
import type { Finding } from '../types.js';

/** A secret found in this run: the raw value (memory only, never output) and the rule that found it. */
export interface KnownSecret {
  readonly secret: string;
  readonly ruleId: string;
}

/**
 * The one redactor of a run. Everything that leaves the runner or reaches a person goes through it: the
 * request payload (patches, title, memory), the endpoint client's quotes of the endpoint's answers, the
 * endpoint's comments and summary, every finding before rendering, and the log masking (`onLearn`).
 *
 * - `text` replaces each known secret with `[REDACTED:<rule-id>]`, then any other secret the scanner finds.
 * - `patch` does the same for a unified diff, scanning it with its `+`/`-`/` ` markers set aside, so removed
 *   and context lines are scanned too.
 * - `known` replaces only the known secrets (no scan): for short quotes where a scan adds nothing.
 * - `finding` / `findings` apply `text` to a finding's message, title and suggestion.
 * - `learn` adds secrets found later in the run (in the endpoint's answer); `onLearn` hears each new one
 *   first, so the runner masks it before anything could print it.
 */
export interface Redactor {
  learn(secrets: readonly KnownSecret[]): void;
  text(text: string): string;
  patch(patch: string): string;
  known(text: string): string;
  finding(finding: Finding): Finding;
  findings(findings: readonly Finding[]): Finding[];
  /** The secrets known so far (raw: for blocking decisions, never for output). */
  readonly secrets: readonly KnownSecret[];
}

export interface RedactorOptions {
  /** Hears every secret the redactor learns, once, before it is used: the action masks it in the log. */
  readonly onLearn?: (secret: KnownSecret) => void;
}

/** Builds the run's redactor, knowing `initial` secrets (usually none: the secret scan teaches it). */
export function createRedactor(initial: readonly KnownSecret[] = [], options: RedactorOptions = {}): Redactor {
  const secrets: KnownSecret[] = [];
  const learn = (found: readonly KnownSecret[]) => {
    for (const s of found) {
      options.onLearn?.(s);
      secrets.push(s);
    }
  };
  learn(initial);
  const text = (t: string) => redactText(t, secrets);
  const finding = (f: Finding): Finding => {
    const message = text(f.message);
    const title = f.title !== undefined ? text(f.title) : undefined;
    const suggestion = f.suggestion !== undefined ? text(f.suggestion) : undefined;
    if (message === f.message && title === f.title && suggestion === f.suggestion) return f;
    return {
      ...f,
      message,
      ...(title !== undefined ? { title } : {}),
      ...(suggestion !== undefined ? { suggestion } : {}),
    };
  };
  return {
    learn,
    text,
    patch: (p) => redactText(p, secrets, p.replace(/^[+\- ]/gm, ' ')),
    known: (t) => redactSecrets(t, secrets),
    finding,
    findings: (fs) => fs.map(finding),
    get secrets() {
      return secrets;
    },
  };
}
