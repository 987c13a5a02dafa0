// JSON Schema validation (ajv) for user-defined schemas such as a project's metadata schema.
import type { FieldError } from '@i2v/contracts';
import { Ajv, type ValidateFunction } from 'ajv';

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

/** Compiles (and caches) a schema; throws with ajv's message when it is not a valid JSON Schema. */
export function compileSchema(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(schema);
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, fn);
  }
  return fn;
}

/** Validates data against a schema; field errors are dotted paths under `prefix` (e.g. `body.metadata.age`). */
export function validateAgainst(schema: object, data: unknown, prefix: string): FieldError[] {
  const validate = compileSchema(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => {
    const path = e.instancePath.split('/').filter(Boolean);
    if (e.keyword === 'required')
      path.push(String((e.params as { missingProperty: string }).missingProperty));
    if (e.keyword === 'additionalProperties')
      path.push(String((e.params as { additionalProperty: string }).additionalProperty));
    const message =
      e.keyword === 'required'
        ? 'is required'
        : e.keyword === 'additionalProperties'
          ? 'is not a field of the metadata schema'
          : (e.message ?? 'is invalid');
    return { field: [prefix, ...path].join('.'), message };
  });
}
