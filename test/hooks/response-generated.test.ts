import { describe, expect, it } from 'vitest';
import { runResponseGeneratedHooks, type HookPorts } from '../../src/hooks/index.js';
import { createRecordingLogger } from '../../src/logger.js';
import { hooksConfig } from '../fixtures/hooks-config.js';

// Built at run time so no raw secret sits in the source or any snapshot.
const AWS_KEY = ['AKIA', 'Z3MSJV4WWNKWW3D2'].join('');

/** Nothing runs on the endpoint's comments but the scan and patterns: no command, no file read. */
function ports(): { ports: HookPorts } {
  const refuse = () => Promise.reject(new Error('not used on response.generated'));
  return {
    ports: { runCommand: refuse, readRepositoryFile: refuse, logger: createRecordingLogger(), now: () => new Date(0) },
  };
}

describe('runResponseGeneratedHooks', () => {
  it('scans comment bodies and suggestions for secrets and runs pattern hooks on them', async () => {
    const cfg = hooksConfig({
      name: 'no-eval',
      events: ['response.generated'],
      actions: [{ type: 'pattern', pattern: '\\beval\\(' }],
    });
    const result = await runResponseGeneratedHooks(
      [
        { path: 'src/a.ts', line: 4, body: 'Looks fine.' },
        { path: 'src/b.ts', line: 9, body: 'Use this:', suggestion: `const k = "${AWS_KEY}"; eval(k);` },
      ],
      { config: cfg, failOn: 'error', workspace: '/ws', ports: ports().ports },
    );
    expect(result.secrets.map((s) => [s.index, s.match.ruleId])).toEqual([[1, 'aws-access-key-id']]);
    expect(result.findings.map((f) => [f.ruleId, f.path, f.line, f.message])).toEqual([
      ['aws-access-key-id', 'src/b.ts', 9, "AWS access key ID found in the endpoint's comment (AKIA…)"],
      ['no-eval', 'src/b.ts', 9, "Added line matches the forbidden pattern /\\beval\\(/ (in the endpoint's comment)"],
    ]);
    // The path is the pull request's own name; no message carries the key.
    expect(result.findings.map((f) => f.message).join('\n')).not.toContain(AWS_KEY);
  });

  it('enabled: false on a response.generated hook turns that scan off', async () => {
    const cfg = hooksConfig({
      name: 's',
      events: ['response.generated'],
      actions: [{ type: 'secret-scan', enabled: false }],
    });
    const result = await runResponseGeneratedHooks([{ path: 'a', line: 1, body: AWS_KEY }], {
      config: cfg,
      failOn: 'error',
      workspace: '/ws',
      ports: ports().ports,
    });
    expect(result.findings).toEqual([]);
  });
});
