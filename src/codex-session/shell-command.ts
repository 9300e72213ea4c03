import type { ChangedFile } from '../core/types.js';

/**
 * A shell command as the hooks see it: the command text itself, and the files its here-documents write
 * (`cat > f <<'EOF' … EOF`, `tee f <<EOF`), so path rules and line numbers apply to those files as they
 * would to a patch. Nothing here runs or expands the command; it is only read.
 */
export interface ShellCommandView {
  /** The command with each here-document body that became a file blanked out (same line count). */
  readonly text: string;
  readonly files: ChangedFile[];
}

const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;
const REDIRECT = /(?:^|[^0-9&>])>>?\s*(['"]?)([^\s'";&|<>()]+)\1/;
const TEE = /\btee\s+(?:-a\s+)?(['"]?)([^\s'";&|<>()]+)\1/;

export function readShellCommand(command: string): ShellCommandView {
  const lines = command.replace(/\r\n/g, '\n').split('\n');
  const files: ChangedFile[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const markers = [...line.matchAll(HEREDOC)].filter((m) => line[m.index - 1] !== '<');
    if (markers.length === 0) continue;
    let next = i + 1;
    for (const [index, m] of markers.entries()) {
      const tag = m[3]!;
      const stripTabs = m[1] === '-';
      const bodyStart = next;
      while (next < lines.length && (stripTabs ? lines[next]!.replace(/^\t+/, '') : lines[next]) !== tag) next++;
      const body = lines.slice(bodyStart, next).map((l) => (stripTabs ? l.replace(/^\t+/, '') : l));
      // Only the first here-document of a line is the one a redirect on that line writes.
      const target = index === 0 ? writtenFile(line) : undefined;
      if (target !== undefined) {
        files.push({
          path: target,
          status: 'added',
          additions: body.length,
          deletions: 0,
          content: body.length > 0 ? body.join('\n') + '\n' : '',
        });
        for (let k = bodyStart; k < next; k++) lines[k] = '';
      }
      next++; // past the terminator
    }
    i = next - 1;
  }
  return { text: lines.join('\n'), files };
}

function writtenFile(line: string): string | undefined {
  const m = REDIRECT.exec(line) ?? TEE.exec(line);
  const path = m?.[2];
  return path !== undefined && path !== '/dev/null' && !path.startsWith('$') ? path : undefined;
}
