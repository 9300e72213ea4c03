import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { samplePullRequest } from '../support/pull-request.js';
import { hooksConfig } from '../fixtures/hooks-config.js';
import { createFindings, type FindingDraft } from '../../src/core/findings/finalize.js';
import { renderSarif, SARIF_FINGERPRINT_KEY, toUri } from '../../src/core/render/sarif.js';
import type { ChangedFile } from '../../src/core/types.js';
import { runReviewPipeline } from '../../src/pipeline/review.js';
import { VERSION } from '../../src/core/version.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(
  readFileSync(path.join(here, '..', 'fixtures', 'sarif', 'sarif-2.1.0-subset.schema.json'), 'utf8'),
) as object;

// ajv-formats is CommonJS: its plugin is its `default` export.
const addFormats = ajvFormats.default;

// The schemas' formats (uri, uri-reference, date-time, uuid) checked by ajv-formats, not ignored.
const ajv = addFormats(new Ajv({ allErrors: true, strict: true, strictRequired: false }));
const validate = ajv.compile(schema);

// The official schema (draft 2020-12), unchanged.
const official = addFormats(new Ajv2020({ allErrors: true, strict: false }));
const validateOfficial = official.compile(
  JSON.parse(readFileSync(path.join(here, '..', 'fixtures', 'sarif', 'sarif-2.1.0.schema.json'), 'utf8')) as object,
);

/** Valid against the official SARIF 2.1.0 schema and against what code scanning requires on top of it. */
function assertValid(log: unknown): void {
  if (!validateOfficial(log)) throw new Error(official.errorsText(validateOfficial.errors, { separator: '\n' }));
  const ok = validate(log);
  if (!ok) throw new Error(ajv.errorsText(validate.errors, { separator: '\n' }));
}

// A synthetic credential, assembled at run time.
const AWS_KEY = ['AKIA', 'Z3MSJV4WQNKWW3D2'].join('');

const draft = (d: Partial<FindingDraft> & Pick<FindingDraft, 'ruleId' | 'path' | 'line'>): FindingDraft => ({
  category: 'validator',
  severity: 'warning',
  message: `problem at ${d.path}:${d.line}`,
  anchor: `${d.path}:${d.line}`,
  source: 'test-hook',
  ...d,
});

describe('renderSarif', () => {
  const findings = createFindings([
    draft({ ruleId: 'no-console', path: 'src/a.ts', line: 3, column: 5 }),
    draft({ ruleId: 'no-console', path: 'src/b.ts', line: 7, severity: 'error' }),
    draft({ ruleId: 'no-pem', category: 'path', severity: 'error', path: 'keys/server.pem', line: 0 }),
    draft({
      ruleId: 'reference/todo',
      category: 'ai',
      severity: 'notice',
      path: 'docs/ré sumé.md',
      line: 2,
      endLine: 4,
      title: 'A TODO left behind',
      source: 'codex',
    }),
    draft({ ruleId: 'x', path: '-rf', line: 1 }),
  ]);
  const log = renderSarif(findings);

  it("is valid against the official SARIF 2.1.0 schema and code scanning's requirements", () => {
    assertValid(log);
    assertValid(renderSarif([]));
    assertValid(renderSarif(findings, { srcRoot: 'file:///home/runner/work/r/r', automationId: 'codex-hooks/' }));
  });

  it('the schema test has teeth: it rejects what code scanning would reject', () => {
    const bad = JSON.parse(JSON.stringify(log)) as { runs: { results: Record<string, unknown>[] }[] };
    const withRegion = bad.runs[0]!.results.filter(
      (r) => (r as { locations: { physicalLocation: { region?: unknown } }[] }).locations[0]!.physicalLocation.region,
    )[0] as { locations: { physicalLocation: { region: { startLine: number } } }[] };
    withRegion.locations[0]!.physicalLocation.region.startLine = 0;
    expect(validate(bad)).toBe(false);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    expect(validateOfficial({ ...log, version: '2.0.0' })).toBe(false);
    expect(validateOfficial(bad)).toBe(false);
    const noFingerprint = JSON.parse(JSON.stringify(log)) as { runs: { results: Record<string, unknown>[] }[] };
    delete noFingerprint.runs[0]!.results[0]!.partialFingerprints;
    expect(validate(noFingerprint)).toBe(false);
  });

  it('names the tool, its version and one rule per rule id, with the most severe level as default', () => {
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'codex-hooks', version: VERSION });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id).sort()).toEqual(['no-console', 'no-pem', 'reference/todo', 'x']);
    expect(rules.find((r) => r.id === 'no-console')!.defaultConfiguration!.level).toBe('error');
    expect(rules.find((r) => r.id === 'reference/todo')!.shortDescription!.text).toBe('A TODO left behind');
    for (const r of rules) expect(r.help!.text.length).toBeGreaterThan(10);
  });

  it('maps each finding to a result with ruleIndex, level, location and the fingerprint', () => {
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(findings.length);
    for (const result of run.results!) {
      expect(run.tool.driver.rules![result.ruleIndex!]!.id).toBe(result.ruleId);
      const f = findings.find((x) => x.fingerprint === result.partialFingerprints![SARIF_FINGERPRINT_KEY])!;
      expect(f).toBeDefined();
      expect(result.level).toBe({ error: 'error', warning: 'warning', notice: 'note' }[f.severity]);
      expect(result.message.text).toBe(f.message);
      expect(result.locations![0]!.physicalLocation!.artifactLocation).toEqual({
        uri: toUri(f.path),
        uriBaseId: '%SRCROOT%',
      });
    }
    const byUri = (uri: string) =>
      run.results!.find((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri === uri)!;
    expect(byUri('src/a.ts').locations![0]!.physicalLocation!.region).toEqual({
      startLine: 3,
      endLine: 3,
      startColumn: 5,
    });
    // A file-level finding points at the file's first line: code scanning shows no result without a region.
    expect(byUri('keys/server.pem').locations![0]!.physicalLocation!.region).toEqual({ startLine: 1, endLine: 1 });
    expect(byUri('docs/r%C3%A9%20sum%C3%A9.md').locations![0]!.physicalLocation!.region).toEqual({
      startLine: 2,
      endLine: 4,
    });
    expect(byUri('-rf').ruleId).toBe('x');
  });

  it('encodes paths as relative URI references', () => {
    expect(toUri('src/a b/c#d.ts')).toBe('src/a%20b/c%23d.ts');
    expect(toUri('./x/y.ts')).toBe('x/y.ts');
    expect(toUri('win\\path.ts')).toBe('win/path.ts');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(renderSarif([...findings].reverse()))).toBe(JSON.stringify(log));
  });

  it('carries no raw secret: the findings of the real pipeline on a planted key', async () => {
    const file: ChangedFile = {
      path: 'config/prod.ts',
      status: 'added',
      additions: 2,
      deletions: 0,
      patch: `@@ -0,0 +1,2 @@\n+export const region = "eu";\n+export const key = "${AWS_KEY}";`,
    };
    const pr = samplePullRequest({ owner: 'o', repo: 'r', number: 1, headSha: 'h', baseSha: 'b' });
    const secrets: string[] = [];
    const result = await runReviewPipeline(
      pr,
      [file],
      {
        include: ['**'],
        exclude: [],
        failOn: 'error',
        config: hooksConfig(),
        workspace: here,
      },
      {
        logger: { debug() {}, info() {}, notice() {}, warning() {}, error() {} },
        stage: (_n, fn) => fn(),
        onSecret: (s) => secrets.push(s),
        now: () => 0,
        runCommand: () => Promise.reject(new Error('no commands here')),
        readRepositoryFile: () => Promise.resolve(undefined),
      },
    );
    expect(secrets).toEqual([AWS_KEY]);
    const sarif = renderSarif(result.findings);
    assertValid(sarif);
    const text = JSON.stringify(sarif);
    expect(text).not.toContain(AWS_KEY);
    expect(text).not.toContain(AWS_KEY.slice(4));
    const rule = sarif.runs[0]!.tool.driver.rules![0]!;
    expect(rule).toMatchObject({ id: 'aws-access-key-id', properties: { tags: ['security', 'secret'] } });
    expect(rule.fullDescription!.text).toMatch(/AWS/);
    expect(sarif.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine).toBe(2);
  });
});
