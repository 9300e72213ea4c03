/** Where the progress line goes: a terminal on stderr, or nothing. */
export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
}

/** A single status line on stderr, rewritten in place; silent when stderr is not a terminal or in CI. */
export interface Progress {
  /** `label current/total`, at most every `intervalMs`, and always at the last item. */
  update(label: string, current: number, total: number): void;
  /** A status without a count, e.g. the stage that is running. */
  status(text: string): void;
  /** Erases the line; call before printing anything else to the terminal. */
  done(): void;
}

const SILENT: Progress = { update() {}, status() {}, done() {} };

export function progressEnabled(stream: ProgressStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env.CI && !env.GITHUB_ACTIONS && env.TERM !== 'dumb';
}

export function createProgress(
  stream: ProgressStream,
  env: NodeJS.ProcessEnv,
  options: { intervalMs?: number; now?: () => number } = {},
): Progress {
  if (!progressEnabled(stream, env)) return SILENT;
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? Date.now;
  let last = -Infinity;
  let shown = false;
  const show = (text: string) => {
    // \r back to the start of the line, \x1b[K erases what the previous, longer text left.
    // eslint-disable-next-line no-control-regex
    stream.write(`\r${text.replace(/[\u0000-\u001f\u007f]/g, '?')}\u001b[K`);
    shown = true;
  };
  return {
    update(label, current, total) {
      const t = now();
      if (current < total && t - last < interval) return;
      last = t;
      show(`${label} ${current}/${total} files`);
    },
    status(text) {
      last = now();
      show(text);
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
