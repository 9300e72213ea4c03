import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { POLICY_SCHEMA } from '../../src/endpoint/server/policy-schema.js';

const file = fileURLToPath(new URL('../../schema/endpoint-policy.schema.json', import.meta.url));

describe('schema/endpoint-policy.schema.json', () => {
  it('is the schema the server validates with (UPDATE_SCHEMA=1 rewrites it)', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(file, `${JSON.stringify(POLICY_SCHEMA, null, 2)}\n`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(POLICY_SCHEMA);
  });
});
