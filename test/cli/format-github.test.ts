import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/cli/format.js';
import { createFindings } from '../../src/core/findings/finalize.js';

describe('--format github', () => {
  it('prints one workflow command per finding, escaping what a hostile path or message could inject', () => {
    const findings = createFindings([
      {
        ruleId: 'no-console',
        category: 'validator',
        severity: 'warning',
        path: 'src/a,b:c.ts',
        line: 3,
        message: '100% sure\n::error::forged',
        anchor: 'x',
        source: 'test',
      },
      {
        ruleId: 'no-pem',
        category: 'path',
        severity: 'notice',
        path: 'k.pem',
        line: 0,
        message: 'key file',
        anchor: 'y',
        source: 'test',
      },
    ]);
    expect(formatGithub(findings)).toBe(
      '::warning file=src/a%2Cb%3Ac.ts,line=3,endLine=3,title=no-console::100%25 sure%0A::error::forged\n' +
        // A finding about the whole file is a file-level annotation: no line.
        '::notice file=k.pem,title=no-pem::key file\n',
    );
  });
});
