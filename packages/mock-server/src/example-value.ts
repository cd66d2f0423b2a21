import { isJsonObject, type JsonObject } from './wire-types.js';

// Deep enough for real tool schemas, shallow enough that a recursive schema cannot loop.
const MAX_DEPTH = 6;

function schemaType(schema: JsonObject): string {
  const { type } = schema;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return String(type.find((entry) => entry !== 'null') ?? 'null');
  if (isJsonObject(schema['properties'])) return 'object';
  if (schema['items'] !== undefined) return 'array';
  return 'string';
}

function firstBranch(schema: JsonObject): JsonObject | undefined {
  const branches = schema['anyOf'] ?? schema['oneOf'] ?? schema['allOf'];
  if (!Array.isArray(branches)) return undefined;
  const branch = branches.find((entry) => isJsonObject(entry) && entry['type'] !== 'null');
  return isJsonObject(branch) ? branch : undefined;
}

/** A word of the message that holds a digit: `123456`, `A-77`, `ORD-2024-001`… */
function idIn(context: string): string | undefined {
  return context.match(/(?<![\w-])[\w-]*\d[\w-]*/)?.[0];
}

/** A place name after "in", "for", "at" or "to": "the weather in Florence, Italy". */
function placeIn(context: string): string | undefined {
  return context.match(
    /\b(?:in|for|at|to)\s+(\p{Lu}[\p{L}\p{M}'-]*(?:(?:,\s*|\s+)\p{Lu}[\p{L}\p{M}'-]*)*)/u,
  )?.[1];
}

function exampleString(name: string, schema: JsonObject, context: string): string {
  const format = schema['format'];
  const lower = name.toLowerCase();
  let value: string;
  if (format === 'date-time') value = '2025-06-01T09:00:00Z';
  else if (format === 'date' || /date|day/.test(lower)) value = '2025-06-01';
  else if (format === 'email' || /email/.test(lower)) value = 'ada@example.com';
  else if (format === 'uri' || format === 'url' || /url|link/.test(lower))
    value = 'https://example.com';
  else if (/(^|_)id$|[a-z]Id$|number$/.test(name)) value = idIn(context) ?? '12345';
  else if (/location|city|place|country|destination|address/.test(lower))
    value = placeIn(context) ?? 'Paris';
  else if (/query|question|prompt|text|message|search|topic/.test(lower))
    value = context.trim() || 'hello';
  else if (/unit/.test(lower)) value = 'celsius';
  else if (/name/.test(lower)) value = 'Ada Lovelace';
  else value = `example ${name.replace(/[_-]+/g, ' ')}`.trim();
  const maxLength = schema['maxLength'];
  return typeof maxLength === 'number' ? value.slice(0, maxLength) : value;
}

function exampleNumber(schema: JsonObject, integer: boolean): number {
  const minimum = typeof schema['minimum'] === 'number' ? schema['minimum'] : undefined;
  const maximum = typeof schema['maximum'] === 'number' ? schema['maximum'] : undefined;
  let value = Math.max(minimum ?? 1, 1);
  if (maximum !== undefined && value > maximum) value = maximum;
  return integer ? Math.ceil(value) : value;
}

/**
 * A plausible value for a JSON Schema: `enum`/`const`/`default` first, then one by type,
 * where strings are guessed from the property name and the user's message (an order id, a
 * city after "in", a date…). Objects get their `required` properties, arrays one element.
 *
 * @param name - the property name (guides string values), `''` at the root
 * @param schema - a JSON Schema (anything else counts as `{}`)
 * @param context - the user's message, to take ids and places from
 * @param depth - how deep in the schema this is
 */
export function exampleValue(name: string, schema: unknown, context: string, depth = 0): unknown {
  if (!isJsonObject(schema)) return exampleString(name, {}, context);
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0];
  if ('const' in schema) return schema['const'];
  if ('default' in schema) return schema['default'];
  const branch = firstBranch(schema);
  if (branch) {
    const { anyOf: _anyOf, oneOf: _oneOf, allOf: _allOf, ...rest } = schema;
    return exampleValue(name, { ...rest, ...branch }, context, depth);
  }
  switch (schemaType(schema)) {
    case 'object':
      return depth >= MAX_DEPTH ? {} : exampleObject(schema, {}, context, depth + 1);
    case 'array': {
      if (depth >= MAX_DEPTH) return [];
      const size = Math.max(1, typeof schema['minItems'] === 'number' ? schema['minItems'] : 1);
      return Array.from({ length: size }, () =>
        exampleValue(name.replace(/s$/, ''), schema['items'], context, depth + 1),
      );
    }
    case 'integer':
      return exampleNumber(schema, true);
    case 'number':
      return exampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return exampleString(name, schema, context);
  }
}

/**
 * Completes an object for an object schema: the given properties, then a plausible value for
 * every `required` property that is missing.
 *
 * @param schema - an object schema (its `properties` and `required`)
 * @param given - properties already chosen (e.g. JSON the user wrote)
 * @param context - the user's message
 * @param depth - how deep in the schema this is
 */
export function exampleObject(
  schema: unknown,
  given: JsonObject,
  context: string,
  depth = 0,
): JsonObject {
  const properties =
    isJsonObject(schema) && isJsonObject(schema['properties']) ? schema['properties'] : {};
  const required =
    isJsonObject(schema) && Array.isArray(schema['required']) ? schema['required'] : [];
  const result: JsonObject = { ...given };
  for (const key of required) {
    if (typeof key === 'string' && !(key in result))
      result[key] = exampleValue(key, properties[key], context, depth);
  }
  return result;
}
