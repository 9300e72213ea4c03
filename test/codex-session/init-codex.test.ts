import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeHooksFile, trustedHash } from '../../src/codex-session/hooks-file.js';
import { initCodexHooks } from '../../src/codex-session/init-codex.js';

const COMMAND = 'codex-hooks-codex-hook';

async function repo() {
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'init-codex-')));
  await mkdir(path.join(dir, '.git'));
  return dir;
}

describe('trustedHash', () => {
  it('is SHA-256 over the sorted compact JSON Codex hashes: no matcher for UserPromptSubmit and Stop', () => {
    const handler = { type: 'command' as const, command: COMMAND, timeout: 30 };
    const expected = (identity: string) => `sha256:${createHash('sha256').update(identity).digest('hex')}`;
    expect(trustedHash('PreToolUse', { matcher: 'Bash|apply_patch', hooks: [handler] }, handler)).toBe(
      expected(
        '{"event_name":"pre_tool_use","hooks":[{"async":false,"command":"codex-hooks-codex-hook","timeout":30,"type":"command"}],"matcher":"Bash|apply_patch"}',
      ),
    );
    expect(trustedHash('UserPromptSubmit', { matcher: '*', hooks: [handler] }, handler)).toBe(
      expected(
        '{"event_name":"user_prompt_submit","hooks":[{"async":false,"command":"codex-hooks-codex-hook","timeout":30,"type":"command"}]}',
      ),
    );
  });
});

describe('mergeHooksFile', () => {
  it('keeps every other hook and appends ours after them', () => {
    const theirs = {
      hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'other' }] }] },
      note: 1,
    };
    const merged = mergeHooksFile(theirs, COMMAND);
    expect(merged.file.note).toBe(1);
    expect(merged.file.hooks.PreToolUse).toHaveLength(2);
    expect(merged.file.hooks.PreToolUse![0]).toEqual(theirs.hooks.PreToolUse[0]);
    expect(merged.positions.PreToolUse).toBe(1);
    expect(merged.positions.Stop).toBe(0);
    expect(mergeHooksFile(merged.file, COMMAND).changed).toBe(false);
  });

  it('refuses a file that is not a hooks file rather than overwrite it', () => {
    expect(() => mergeHooksFile([], COMMAND)).toThrow(/not a JSON object/);
    expect(() => mergeHooksFile({ hooks: { Stop: {} } }, COMMAND)).toThrow(/'Stop' is not a list/);
  });
});

describe('initCodexHooks', () => {
  it('writes .codex/hooks.json, and a second run changes nothing', async () => {
    const dir = await repo();
    const first = initCodexHooks({ repository: dir, codexHome: '/unused', user: false, command: COMMAND });
    expect(first.changed).toBe(true);
    const written = await readFile(path.join(dir, '.codex', 'hooks.json'), 'utf8');
    expect(Object.keys(JSON.parse(written).hooks)).toEqual([
      'SessionStart',
      'UserPromptSubmit',
      'PreToolUse',
      'PostToolUse',
      'Stop',
    ]);
    expect(first.trustToml).toContain(`[projects.${JSON.stringify(dir)}]\ntrust_level = "trusted"`);
    expect(first.trustToml).toContain(
      `[hooks.state."${dir}/.codex/hooks.json:pre_tool_use:0:0"]\ntrusted_hash = "sha256:`,
    );
    const second = initCodexHooks({ repository: dir, codexHome: '/unused', user: false, command: COMMAND });
    expect(second.changed).toBe(false);
    expect(second.trustToml).toBe(first.trustToml);
    expect(await readFile(path.join(dir, '.codex', 'hooks.json'), 'utf8')).toBe(written);
  });

  it("merges into the user's hooks.json without a project entry", async () => {
    const home = await realpath(await mkdtemp(path.join(os.tmpdir(), 'codex-home-')));
    await writeFile(
      path.join(home, 'hooks.json'),
      JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }] } }),
    );
    const result = initCodexHooks({ codexHome: home, user: true, command: COMMAND });
    const file = JSON.parse(await readFile(path.join(home, 'hooks.json'), 'utf8'));
    expect(file.hooks.Stop.map((g: { hooks: { command: string }[] }) => g.hooks[0]!.command)).toEqual([
      'say done',
      COMMAND,
    ]);
    expect(result.trustToml).not.toContain('[projects.');
    expect(result.trustToml).toContain(':stop:1:0"]');
  });

  it('refuses to write through a symbolic link, and leaves invalid JSON alone', async () => {
    const dir = await repo();
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'elsewhere-'));
    await symlink(elsewhere, path.join(dir, '.codex'));
    expect(() => initCodexHooks({ repository: dir, codexHome: '/unused', user: false, command: COMMAND })).toThrow(
      /symbolic link/,
    );
    const other = await repo();
    await mkdir(path.join(other, '.codex'));
    await writeFile(path.join(other, '.codex', 'hooks.json'), '{ nope');
    expect(() => initCodexHooks({ repository: other, codexHome: '/unused', user: false, command: COMMAND })).toThrow(
      /not valid JSON/,
    );
    expect(await readFile(path.join(other, '.codex', 'hooks.json'), 'utf8')).toBe('{ nope');
  });
});
