/**
 * A starting payload for an event, from its schema: required fields filled with plausible values (a
 * player id for player-id fields), or the first field when all are optional. Designers edit it.
 */
import { z } from 'zod';

interface JsonSchema {
  type?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  exclusiveMinimum?: number;
  minimum?: number;
}

function valueFor(schema: JsonSchema, players: readonly string[], sender: string | null): unknown {
  switch (schema.type) {
    case 'string':
      return schema.pattern ? (players.find((p) => p !== sender) ?? players[0] ?? '') : '';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return null;
  }
}

export function payloadTemplate(
  schema: z.ZodType | undefined,
  players: readonly string[],
  sender: string | null = null,
): Record<string, unknown> {
  if (!schema) return {};
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return {};
  }
  const properties = Object.entries(json.properties ?? {});
  const required = new Set(json.required ?? []);
  const chosen = properties.filter(([key]) => required.has(key));
  const fields = chosen.length ? chosen : properties.slice(0, 1);
  return Object.fromEntries(fields.map(([key, field]) => [key, valueFor(field, players, sender)]));
}

/** Whether an event needs nothing but its type (it can be sent with one click). */
export function takesNoPayload(schema: z.ZodType | undefined): boolean {
  if (!schema) return true;
  try {
    const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;
    return Object.keys(json.properties ?? {}).length === 0;
  } catch {
    return false;
  }
}
