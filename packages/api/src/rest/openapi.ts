import { procedureDef, procedureJsonSchema, type JsonSchema } from './procedure-schemas';
import { pathParamsOf, REST_PREFIX, restRoutes, type RestRoute } from './routes';

type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Invalid input: `fieldErrors` names each field',
  '401': 'No token, or one that is not valid (revoked, expired, owner left)',
  '403': 'The role or the token scope does not allow this',
  '404': 'Not found, or not in the token’s workspace',
  '409': 'Changed by someone else since the version read: `current` is the row as it is now',
  '429': 'Rate limited: wait Retry-After seconds',
};

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', examples: ['CONFLICT'] },
    message: { type: 'string' },
    requestId: { type: 'string' },
    fieldErrors: {
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' } },
    },
    current: { description: 'With 409: the row as it is now' },
    rowErrors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { row: { type: 'integer' }, message: { type: 'string' } },
      },
    },
  },
};

/**
 * Schemas reference their own `$defs` (`#/$defs/X`); in an OpenAPI document a
 * local reference is read from the document's root, so each schema's defs move
 * to `components/schemas` under a name unique to it.
 */
function hoistDefs(schema: JsonSchema, prefix: string, components: Record<string, unknown>) {
  const defs = schema.$defs as Record<string, JsonSchema> | undefined;
  delete schema.$defs;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    const entries = Object.entries(node).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')
        ? [key, `#/components/schemas/${prefix}_${value.slice('#/$defs/'.length)}`]
        : [key, rewrite(value)],
    );
    return Object.fromEntries(entries);
  };
  for (const [name, def] of Object.entries(defs ?? {})) {
    components[`${prefix}_${name}`] = rewrite(def);
  }
  return rewrite(schema) as JsonSchema;
}

function operation(route: RestRoute, components: Record<string, unknown>): Record<string, unknown> {
  const id = route.procedure.replace('.', '_');
  const input = hoistDefs(
    structuredClone(procedureJsonSchema(route.procedure, 'input') ?? { type: 'object' }),
    `${id}_input`,
    components,
  );
  const output = procedureJsonSchema(route.procedure, 'output');
  const pathParams = pathParamsOf(route.path);
  const properties = input.properties ?? {};
  const required = new Set(input.required ?? []);
  const parameters: unknown[] = pathParams.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: properties[name] ?? { type: 'string' },
  }));
  const rest = Object.fromEntries(
    Object.entries(properties).filter(([name]) => !pathParams.includes(name)),
  );
  const inQuery = route.method === 'GET' || route.method === 'DELETE';
  if (inQuery) {
    for (const [name, schema] of Object.entries(rest)) {
      parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
  }
  const bodyRequired = [...required].filter((name) => !pathParams.includes(name));
  const errors = Object.fromEntries(
    Object.entries(ERROR_STATUSES).map(([status, description]) => [
      status,
      {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        ...(status === '429'
          ? { headers: { 'Retry-After': { schema: { type: 'integer' } } } }
          : {}),
      },
    ]),
  );
  return {
    operationId: id,
    summary: route.summary,
    description: `Runs the tRPC procedure \`${route.procedure}\` (${procedureDef(route.procedure).type}).`,
    tags: [route.tag],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(inQuery
      ? {}
      : {
          requestBody: {
            required: bodyRequired.length > 0,
            content: {
              'application/json': {
                schema: {
                  ...input,
                  properties: rest,
                  ...(bodyRequired.length > 0
                    ? { required: bodyRequired }
                    : { required: undefined }),
                },
              },
            },
          },
        }),
    responses: {
      [String(route.status ?? 200)]: {
        description: 'OK',
        content: {
          'application/json': {
            schema: output ? hoistDefs(structuredClone(output), `${id}_output`, components) : {},
          },
        },
      },
      ...errors,
    },
  };
}

let built: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of the REST API, generated from the procedures' zod schemas. */
export function openApiDocument(): OpenApiDocument {
  if (built) return built;
  const components: Record<string, unknown> = { Error: ERROR_SCHEMA };
  const paths: OpenApiDocument['paths'] = {};
  for (const route of restRoutes) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route, components);
  }
  built = JSON.parse(
    JSON.stringify({
      openapi: '3.1.0',
      info: {
        title: 'Shipshape REST API',
        version: '1.0.0',
        description:
          'Resource-style routes over the same procedures as the web app. Authenticate with a personal API token (Settings → API tokens): `Authorization: Bearer shp_…`. `read` tokens call GET routes, `write` tokens the others, always within the owner’s role in the token’s workspace. Writes to existing rows name `expectedVersion`; a stale one answers 409 with the current row.',
      },
      servers: [{ url: REST_PREFIX }],
      security: [{ bearerAuth: [] }],
      tags: [...new Set(restRoutes.map((route) => route.tag))].map((name) => ({ name })),
      paths,
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A personal API token, `shp_…` (a signed-in session’s access token also works).',
          },
        },
        schemas: components,
      },
    }),
  ) as OpenApiDocument;
  return built;
}
