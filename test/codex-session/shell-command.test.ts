import { describe, expect, it } from 'vitest';
import { readShellCommand } from '../../src/codex-session/shell-command.js';

describe('readShellCommand', () => {
  it('reads the file a here-document writes and blanks its body out of the command text', () => {
    const view = readShellCommand("mkdir -p cfg && cat > cfg/app.env <<'EOF'\nA=1\nB=2\nEOF\necho written");
    expect(view.files).toEqual([
      { path: 'cfg/app.env', status: 'added', additions: 2, deletions: 0, content: 'A=1\nB=2\n' },
    ]);
    expect(view.text).toBe("mkdir -p cfg && cat > cfg/app.env <<'EOF'\n\n\nEOF\necho written");
  });

  it('reads tee targets, <<- bodies with leading tabs, and keeps bodies no file receives', () => {
    const view = readShellCommand('tee -a notes.md <<-END\n\tline one\n\tEND\npython3 - <<PY\nprint(1)\nPY');
    expect(view.files.map((f) => [f.path, f.content])).toEqual([['notes.md', 'line one\n']]);
    expect(view.text).toContain('print(1)');
  });

  it('ignores redirections of descriptors, /dev/null and here-strings', () => {
    expect(readShellCommand('grep x <<<"$v" 2>/dev/null').files).toEqual([]);
    expect(readShellCommand('cat > /dev/null <<EOF\nx\nEOF').files).toEqual([]);
  });
});
