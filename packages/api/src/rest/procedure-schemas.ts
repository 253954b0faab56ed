import { z } from 'zod';
import { appRouter } from '../router';

export type JsonSchema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
};

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  inputs: unknown[];
  output?: unknown;
}

/** A procedure's definition: its type, input parsers and output parser. */
export function procedureDef(path: string): ProcedureDef {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>;
  const procedure = procedures[path];
  if (!procedure) throw new Error(`No procedure ${path}`);
  return procedure._def;
}

/** The zod schema behind a parser: itself, or what `outputOnce` wraps. */
function zodOf(parser: unknown): z.ZodType | null {
  if (parser instanceof z.ZodType) return parser;
  const wrapped = (parser as { schema?: unknown } | undefined)?.schema;
  return wrapped instanceof z.ZodType ? wrapped : null;
}

/** Dates leave as ISO strings (JSON), and come in as such. */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if ((zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def?.type === 'date') {
        jsonSchema.type = 'string';
        jsonSchema.format = 'date-time';
      }
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

const cache = new Map<string, JsonSchema | null>();

/** The JSON Schema (2020-12) of a procedure's input or output, as the wire carries it. */
export function procedureJsonSchema(path: string, io: 'input' | 'output'): JsonSchema | null {
  const key = `${io} ${path}`;
  if (!cache.has(key)) {
    const def = procedureDef(path);
    const schema = zodOf(io === 'input' ? def.inputs[0] : def.output);
    cache.set(key, schema ? jsonSchemaOf(schema, io) : null);
  }
  return cache.get(key) ?? null;
}

/** The JSON types a schema allows (through `anyOf`, for nullable and optional fields). */
export function typesOf(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const own = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return [...own, ...(schema.anyOf ?? []).flatMap((option) => typesOf(option))];
}
