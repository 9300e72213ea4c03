import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOOKS_CONFIG_SCHEMA } from '../../src/config/schema.js';

const file = fileURLToPath(new URL('../../schema/codex-hooks.schema.json', import.meta.url));

describe('schema/codex-hooks.schema.json', () => {
  it('is the schema the loader validates with (UPDATE_SCHEMA=1 rewrites it)', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(file, `${JSON.stringify(HOOKS_CONFIG_SCHEMA, null, 2)}\n`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(HOOKS_CONFIG_SCHEMA);
  });

  it('gives every property a title and a description, for editor completion', () => {
    const missing: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}[${i}]`));
      if (typeof node !== 'object' || node === null) return;
      const o = node as Record<string, unknown>;
      if (o.properties && typeof o.properties === 'object') {
        for (const [k, v] of Object.entries(o.properties as Record<string, Record<string, unknown>>)) {
          if (typeof v.title !== 'string' || typeof v.description !== 'string') missing.push(`${where}.${k}`);
        }
      }
      for (const [k, v] of Object.entries(o)) visit(v, `${where}.${k}`);
    };
    visit(HOOKS_CONFIG_SCHEMA, '$');
    expect(missing).toEqual([]);
  });
});
