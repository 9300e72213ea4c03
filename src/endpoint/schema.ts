import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import requestSchema from '../../schema/hook-request.schema.json' with { type: 'json' };
import responseSchema from '../../schema/hook-response.schema.json' with { type: 'json' };

/**
 * The JSON Schemas of protocol v1, imported (not read from disk) so the ncc bundle carries them, and
 * compiled on first use: compiling costs tens of milliseconds that `codex-hooks scan` never needs.
 */
let ajv: Ajv | undefined;
let request: ValidateFunction | undefined;
let response: ValidateFunction | undefined;

export function requestSchemaValidator(): ValidateFunction {
  ajv ??= new Ajv({ allErrors: true, strict: true });
  return (request ??= ajv.compile(requestSchema));
}

export function responseSchemaValidator(): ValidateFunction {
  ajv ??= new Ajv({ allErrors: true, strict: true });
  return (response ??= ajv.compile(responseSchema));
}

/** `/comments/0/line must be integer`: the JSON path, then what was expected. At most `limit` entries. */
export function describeSchemaErrors(
  errors: readonly ErrorObject[] | null | undefined,
  root: string,
  limit = 5,
): string[] {
  const lines = (errors ?? []).map((e) => {
    const where = `${root}${e.instancePath}`;
    if (e.keyword === 'required') return `${where} must have the field '${String(e.params.missingProperty)}'`;
    if (e.keyword === 'enum')
      return `${where} must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    if (e.keyword === 'const') return `${where} must be ${JSON.stringify(e.params.allowedValue)}`;
    return `${where} ${e.message ?? 'is invalid'}`;
  });
  const unique = [...new Set(lines)];
  return unique.length > limit ? [...unique.slice(0, limit), `… and ${unique.length - limit} more`] : unique;
}
