import { createStreamParser } from '@rill/core';

/** A function tool as OpenAI's docs define `get_delivery_date`. */
export const deliveryTool = {
  type: 'function',
  name: 'get_delivery_date',
  description: 'Get the delivery date for a customer order.',
  parameters: {
    type: 'object',
    properties: { order_id: { type: 'string', description: 'The customer order ID.' } },
    required: ['order_id'],
    additionalProperties: false,
  },
  strict: true,
} as const;

/** A tool with every kind of property, to check generated arguments against. */
export const weatherTool = {
  type: 'function',
  name: 'get_weather',
  parameters: {
    type: 'object',
    properties: {
      location: { type: 'string' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      days: { type: 'integer', minimum: 1, maximum: 7 },
      hourly: { type: 'boolean' },
      fields: { type: 'array', items: { type: 'string' } },
      options: {
        type: 'object',
        properties: { lang: { type: ['string', 'null'] } },
        required: ['lang'],
      },
    },
    required: ['location', 'unit', 'days', 'hourly', 'fields', 'options'],
  },
} as const;

/**
 * Posts a streaming request to a mock server.
 *
 * @param url - the server's URL
 * @param body - merged over `{ model, stream: true }`
 * @param headers - extra headers
 */
export function postResponse(
  url: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${url}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'gpt-4.1-mini', stream: true, ...body }),
    ...init,
  });
}

/** The parsed events of a whole SSE or NDJSON body (rill's `rill.*` events left out). */
export function parseEvents(
  body: string | Uint8Array,
): Array<{ type: string; [key: string]: unknown }> {
  const parser = createStreamParser();
  return [...parser.push(body), ...parser.end()].filter(
    (event) => !event.type.startsWith('rill.'),
  ) as Array<{ type: string; [key: string]: unknown }>;
}

/**
 * Whether a value satisfies the parts of a JSON Schema that tool schemas use: `type`,
 * `enum`, `required`, `properties`, `items`, `minimum`, `maximum`. Returns the problems.
 *
 * @param value - the value to check
 * @param schema - the schema
 * @param path - where in the value this is
 */
export function schemaProblems(value: unknown, schema: unknown, path = '$'): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const rules = schema as Record<string, unknown>;
  const types = rules['type'] === undefined ? [] : ([] as unknown[]).concat(rules['type']);
  const actual = Array.isArray(value)
    ? 'array'
    : value === null
      ? 'null'
      : Number.isInteger(value)
        ? 'integer'
        : typeof value;
  if (
    types.length > 0 &&
    !types.includes(actual) &&
    !(actual === 'integer' && types.includes('number'))
  )
    return [`${path}: expected ${types.join('|')}, got ${actual}`];
  if (Array.isArray(rules['enum']) && !rules['enum'].includes(value))
    return [`${path}: not in enum`];
  const problems: string[] = [];
  if (typeof value === 'number') {
    if (typeof rules['minimum'] === 'number' && value < rules['minimum'])
      problems.push(`${path}: below minimum`);
    if (typeof rules['maximum'] === 'number' && value > rules['maximum'])
      problems.push(`${path}: above maximum`);
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of (rules['required'] as string[] | undefined) ?? [])
      if (!(key in object)) problems.push(`${path}.${key}: missing`);
    const properties = (rules['properties'] ?? {}) as Record<string, unknown>;
    for (const [key, entry] of Object.entries(object))
      problems.push(...schemaProblems(entry, properties[key], `${path}.${key}`));
  }
  if (Array.isArray(value))
    value.forEach((entry, index) =>
      problems.push(...schemaProblems(entry, rules['items'], `${path}[${index}]`)),
    );
  return problems;
}
