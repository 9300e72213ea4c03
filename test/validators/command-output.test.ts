import { describe, expect, it } from 'vitest';
import { parsePatch } from '../../src/core/diff/index.js';
import {
  mapDiagnosticsToDiff,
  normalizeToolPath,
  parseCommandOutput,
  toCommandFindings,
} from '../../src/core/validators/command-output.js';

const WS = '/home/runner/work/repo';
const options = { workspace: WS, tool: 'lint' };
const out = (stdout: string, exitCode: number | null = 1, stderr = '') => ({ stdout, stderr, exitCode });

// src/a.ts: lines 10-14 are in the hunk; 11 and 12 are added.
const PATCH_A = '@@ -10,3 +10,5 @@ function f() {\n context10\n+added11\n+  added12();\n context13\n context14\n';
const files = new Map([
  ['src/a.ts', parsePatch(PATCH_A)],
  ['src/b.ts', parsePatch('@@ -0,0 +1 @@\n+x\n')],
]);

describe('parseCommandOutput', () => {
  it('unix: file:line:col: message and file:line: message, with ESLint and gcc levels', () => {
    const stdout = [
      `${WS}/src/a.ts:11:3: Unexpected console statement. [Error/no-console]`,
      'src/a.ts:12: warning: unused variable',
      './src/b.ts:1:1: Missing semicolon [Warning/semi]',
      '',
      '3 problems',
    ].join('\n');
    expect(parseCommandOutput('unix', out(stdout), options)).toEqual({
      diagnostics: [
        {
          path: 'src/a.ts',
          line: 11,
          column: 3,
          message: 'Unexpected console statement.',
          severity: 'error',
          ruleId: 'no-console',
        },
        { path: 'src/a.ts', line: 12, message: 'unused variable', severity: 'warning' },
        { path: 'src/b.ts', line: 1, column: 1, message: 'Missing semicolon', severity: 'warning', ruleId: 'semi' },
      ],
      notes: [],
      malformed: 0,
    });
  });

  it('unix: reads stderr too (compilers print there)', () => {
    const parsed = parseCommandOutput('unix', out('', 1, 'src/a.ts:11:1: error: expected ;'), options);
    expect(parsed.diagnostics).toEqual([
      { path: 'src/a.ts', line: 11, column: 1, message: 'expected ;', severity: 'error' },
    ]);
  });

  it('sarif: 2.1.0 runs/results/locations with relative, file:// and uriBaseId URIs, levels and rule indexes', () => {
    const sarif = {
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: { name: 'x', rules: [{ id: 'R1', defaultConfiguration: { level: 'error' } }, { id: 'R2' }] },
          },
          originalUriBaseIds: { SRC: { uri: `file://${WS}/` } },
          results: [
            {
              ruleIndex: 0,
              message: { text: 'first' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: 'src/a.ts' },
                    region: { startLine: 11, startColumn: 2 },
                  },
                },
              ],
            },
            {
              ruleId: 'R2',
              level: 'note',
              message: { text: 'second' },
              locations: [
                { physicalLocation: { artifactLocation: { uri: `file://${WS}/src/b.ts` }, region: { startLine: 1 } } },
              ],
            },
            {
              ruleId: 'R2',
              message: { text: 'third' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'a.ts', uriBaseId: 'SRC' } } }],
            },
            { ruleId: 'R2', message: { text: 'no location' } },
          ],
        },
      ],
    };
    const parsed = parseCommandOutput('sarif', out(JSON.stringify(sarif)), options);
    expect(parsed.diagnostics).toEqual([
      { path: 'src/a.ts', line: 11, column: 2, message: 'first', severity: 'error', ruleId: 'R1' },
      { path: 'src/b.ts', line: 1, message: 'second', severity: 'notice', ruleId: 'R2' },
      { path: 'a.ts', line: 0, message: 'third', severity: 'warning', ruleId: 'R2' },
    ]);
    expect(parsed.notes).toEqual(['lint: 1 SARIF result without a file location or message was ignored']);
  });

  it('json: JSON lines with path or file, optional column, severity and rule; bad lines are counted', () => {
    const stdout = [
      '{"path":"src/a.ts","line":11,"column":4,"message":"m1","severity":"error","rule":"r1"}',
      '{"file":"src/b.ts","line":1,"message":"m2"}',
      'not json',
      '{"line":3,"message":"no path"}',
    ].join('\n');
    const parsed = parseCommandOutput('json', out(stdout), options);
    expect(parsed.diagnostics).toEqual([
      { path: 'src/a.ts', line: 11, column: 4, message: 'm1', severity: 'error', ruleId: 'r1' },
      { path: 'src/b.ts', line: 1, message: 'm2' },
    ]);
    expect(parsed.notes).toEqual([
      'lint: 2 lines of output were not a JSON diagnostic {path, line, message} and were ignored',
    ]);
  });

  it('sarif: output that is not JSON is a note, not a crash', () => {
    const parsed = parseCommandOutput('sarif', out('Segmentation fault'), options);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.notes[0]).toMatch(/^lint: the output is not SARIF JSON \(.*\); nothing was read from it$/);
    expect(parseCommandOutput('sarif', out('{"runs": 5}'), options).notes).toEqual([
      "lint: the output has no SARIF 'runs' array; nothing was read from it",
    ]);
  });

  it.each([
    ['src/a.ts', 'src/a.ts'],
    ['./src/a.ts', 'src/a.ts'],
    [`${WS}/src/a.ts`, 'src/a.ts'],
    [`file://${WS}/src/my%20file.ts`, 'src/my file.ts'],
    ['src\\win\\a.ts', 'src/win/a.ts'],
    ['/elsewhere/a.ts', '/elsewhere/a.ts'],
  ])('normalizes the tool path %s', (raw, expected) => {
    expect(normalizeToolPath(raw, WS)).toBe(expected);
  });
});

describe('mapDiagnosticsToDiff', () => {
  it('keeps added and in-hunk lines and file-level findings; counts lines outside the diff and files not reviewed', () => {
    const mapping = mapDiagnosticsToDiff(
      [
        { path: 'src/a.ts', line: 11, message: 'added line' },
        { path: 'src/a.ts', line: 13, message: 'context line in the hunk' },
        { path: 'src/a.ts', line: 0, message: 'whole file' },
        { path: 'src/a.ts', line: 40, message: 'outside' },
        { path: 'src/other.ts', line: 1, message: 'not reviewed' },
      ],
      files,
    );
    expect(mapping.kept.map((d) => d.message)).toEqual(['added line', 'context line in the hunk', 'whole file']);
    expect(mapping.outsideDiff).toBe(1);
    expect(mapping.notReviewed).toBe(1);
  });
});

describe('toCommandFindings', () => {
  const context = { ruleId: 'eslint', source: 'eslint' };
  const base = { files, passed: ['src/a.ts', 'src/b.ts'], workspace: WS };

  it('turns diagnostics into findings on the diff, and says how many were left out', () => {
    const stdout =
      'src/a.ts:12:3: Unexpected console [Error/no-console]\nsrc/a.ts:99:1: far away [Error/x]\nsrc/a.ts:98:1: far away [Error/x]\n';
    const result = toCommandFindings(
      { ...base, action: { type: 'command', run: ['eslint'] }, output: out(stdout) },
      context,
    );
    expect(result.error).toBeUndefined();
    expect(result.findings).toEqual([
      {
        ruleId: 'eslint/no-console',
        category: 'validator',
        severity: 'error',
        path: 'src/a.ts',
        line: 12,
        column: 3,
        message: 'Unexpected console',
        anchor: 'Unexpected console\nadded12();',
        source: 'eslint',
      },
    ]);
    expect(result.notes).toEqual(['eslint: 2 findings outside the diff were not reported']);
  });

  it("the action's severity and message apply to every finding", () => {
    const result = toCommandFindings(
      {
        ...base,
        action: { type: 'command', run: ['x'], severity: 'notice', message: 'Style' },
        output: out('src/b.ts:1: nit [Error/r]'),
      },
      context,
    );
    expect(result.findings.map((f) => [f.severity, f.message])).toEqual([['notice', 'Style: nit']]);
  });

  it('exit-code: a non-zero exit is one file-level finding; zero is none', () => {
    const action = { type: 'command', run: ['make', 'check'], format: 'exit-code' } as const;
    expect(toCommandFindings({ ...base, action, output: out('', 0) }, context).findings).toEqual([]);
    const [finding] = toCommandFindings({ ...base, action, output: out('boom', 2) }, context).findings;
    expect(finding).toMatchObject({
      path: 'src/a.ts',
      line: 0,
      severity: 'error',
      message: "'make check' exited with status 2",
    });
  });

  it('a failing tool whose output cannot be read is an error for the execution record, not findings', () => {
    const result = toCommandFindings(
      {
        ...base,
        action: { type: 'command', run: ['eslint'], format: 'unix' },
        output: out('', 2, 'Oops! Something went wrong!'),
      },
      context,
    );
    expect(result.findings).toEqual([]);
    expect(result.error).toBe("'eslint' exited with status 2 and printed nothing readable as unix");
  });
});
