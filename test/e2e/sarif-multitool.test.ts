import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFindings, type FindingDraft } from '../../src/core/findings/finalize.js';
import { renderSarif } from '../../src/core/render/sarif.js';
import { ROOT } from '../support/run-action.js';
import { hook, hooksYaml } from '../fixtures/hooks-config.js';

/**
 * Microsoft's SARIF Multitool, installed by `npm ci` from npm (`@microsoft/sarif-multitool` ships the
 * binary for each platform): `validate` with the SARIF rules and GitHub's (code scanning's) rules.
 */
const MULTITOOL = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');

interface Issue {
  readonly ruleId: string;
  readonly level?: string;
  readonly message: { readonly text: string };
}

function run(file: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Arguments as an array, no shell: the npm package's own bin.js passes them through one.
    execFile(file, args, { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The Multitool's errors and warnings about a SARIF log (its notes and passes are left out). */
async function validate(log: unknown): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-hooks-multitool-'));
  const input = path.join(dir, 'codex-hooks.sarif');
  const output = path.join(dir, 'validation.sarif');
  writeFileSync(input, typeof log === 'string' ? log : JSON.stringify(log, null, 2));
  const r = await run(MULTITOOL, ['validate', '--rule-kind', 'Sarif;Gh', '--output', output, input], dir);
  expect(r.stdout, r.stderr).toMatch(/Analysis completed successfully/);
  const report = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: Issue[] }[] };
  return (report.runs[0]!.results ?? [])
    .filter((i) => i.level === undefined || i.level === 'error' || i.level === 'warning')
    .map((i) => `${i.level ?? 'warning'} ${i.ruleId}: ${i.message.text}`);
}

const drafts: FindingDraft[] = [
  {
    ruleId: 'aws-access-key-id',
    category: 'secret',
    severity: 'error',
    path: 'src/keys.ts',
    line: 3,
    column: 18,
    message: 'AWS access key ID found',
    anchor: 'hash-of-the-key',
    source: 'secret-scan',
  },
  // A rule from the user's config whose id is already a readable name: `name` must not repeat it.
  {
    ruleId: 'Todo',
    category: 'validator',
    severity: 'warning',
    path: 'src/a.ts',
    line: 7,
    message: 'A TODO',
    anchor: '// TODO',
    source: 'Todo',
  },
  // A whole-file finding: an empty file a path rule forbids.
  {
    ruleId: 'no-keys',
    category: 'path',
    severity: 'error',
    path: 'server.pem',
    line: 0,
    message: 'forbidden path',
    anchor: 'server.pem',
    source: 'no-keys',
  },
  {
    ruleId: 'codex/null-check',
    category: 'ai',
    severity: 'warning',
    path: 'src/a.ts',
    line: 2,
    endLine: 4,
    message: 'May be null',
    anchor: 'May be null',
    source: 'codex',
  },
];

describe('SARIF checked by the SARIF Multitool with the SARIF and GitHub rule kinds', () => {
  it('a log with findings of every kind (secret, config rule, whole-file path rule, endpoint): no error or warning', async () => {
    const log = renderSarif(createFindings(drafts), { automationId: 'codex-hooks/' });
    expect(await validate(log)).toEqual([]);
  });

  it('the check has teeth: a rule without fullDescription and a result without a region are reported', async () => {
    const log = renderSarif(createFindings(drafts)) as unknown as {
      runs: [
        {
          tool: { driver: { rules: object[] } };
          results: { locations: { physicalLocation: { region?: unknown } }[] }[];
        },
      ];
    };
    const rule = log.runs[0].tool.driver.rules[0] as Record<string, unknown>;
    delete rule.fullDescription;
    delete log.runs[0].results[0]!.locations[0]!.physicalLocation.region;
    const issues = await validate(log);
    expect(issues.some((i) => i.startsWith('error GH2012'))).toBe(true);
    expect(issues.some((i) => i.startsWith('warning SARIF2017'))).toBe(true);
  });

  it('codex-hooks scan --format sarif on a tree with a config: no error or warning', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'codex-hooks-multitool-scan-'));
    mkdirSync(path.join(dir, '.github'));
    writeFileSync(path.join(dir, 'server.pem'), '');
    writeFileSync(path.join(dir, 'a.ts'), `const k = "${AWS_KEY}"; // TODO\n`);
    writeFileSync(
      path.join(dir, '.github', 'codex-hooks.yml'),
      hooksYaml(
        hook('no-keys', 'prompt.submitted', { type: 'path', forbid: ['**/*.pem'] }),
        hook('Todo', 'prompt.submitted', { type: 'pattern', pattern: 'TO[D]O' }),
      ),
    );
    const scan = await run(process.execPath, [CLI, 'scan', '.', '--format', 'sarif'], dir);
    expect(scan.code).toBe(1);
    const log = JSON.parse(scan.stdout) as { runs: { results: unknown[] }[] };
    expect(log.runs[0]!.results).toHaveLength(3);
    expect(scan.stdout).not.toContain(AWS_KEY);
    expect(await validate(scan.stdout)).toEqual([]);
  });
});
