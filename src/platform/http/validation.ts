import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { ErrorDetail } from '../../core/errors.js';

// ajv-formats is CommonJS; its callable sits on `default` under NodeNext.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  // removeAdditional stays off: an unknown field is an error the client should hear about.
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: false });
  addFormats(ajv);
  return ajv;
}

// Bodies are JSON: a string where a number belongs is wrong, not something to coerce.
const bodyAjv = makeAjv(false);
// Query strings and path params are text by nature: coerce "10" to 10.
const textAjv = makeAjv('array');

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};

/** Turns ajv's first error into "field: problem", naming the field the way the client sent it. */
export function describeValidationError(
  errors: readonly Partial<ErrorObject>[],
  part: string,
): { message: string; details: ErrorDetail[] } {
  const details = errors.map((error) => {
    let field = (error.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const params = (error.params ?? {}) as Record<string, unknown>;
    let problem = error.message ?? 'is invalid';
    if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
      field = field ? `${field}.${params.missingProperty}` : params.missingProperty;
      problem = 'is required';
    } else if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      field = field ? `${field}.${params.additionalProperty}` : params.additionalProperty;
      problem = 'is not a known field';
    } else if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      problem = `must be one of ${params.allowedValues.join(', ')}`;
    }
    return { field: field ? `${part}.${field}` : part, message: problem };
  });
  const first = details[0] ?? { field: part, message: 'is invalid' };
  return { message: `${first.field}: ${first.message}`, details };
}
