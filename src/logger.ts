/** What every stage logs through: the runner in the action, stderr in the CLI, a recorder in tests. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

/** A logger that records lines, for tests and for quiet runs. */
export function createRecordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string) => void lines.push(`${level}: ${message}`);
  return {
    lines,
    debug: push('debug'),
    info: push('info'),
    notice: push('notice'),
    warning: push('warning'),
    error: push('error'),
  };
}
