// The OpenAPI document's operations as the docs page lists them, grouped by
// tag in the document's own order. Pure, so it is tested without a browser.

export interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: unknown;
}

interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

export interface OpenApiDocument {
  info?: { title?: string; version?: string };
  paths?: Record<string, Record<string, OpenApiOperation>>;
}

export interface DocOperation {
  method: string;
  path: string;
  summary: string;
  parameters: OpenApiParameter[];
  body: unknown;
  responses: Array<{ status: string; description: string }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document, grouped by its first tag ("Other" without one). */
export function operationsByTag(document: OpenApiDocument): Array<[string, DocOperation[]]> {
  const groups = new Map<string, DocOperation[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'Other';
      const list = groups.get(tag) ?? [];
      list.push({
        method: method.toUpperCase(),
        path,
        summary: operation.summary ?? operation.description ?? '',
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
        responses: Object.entries(operation.responses ?? {}).map(([status, response]) => ({
          status,
          description: response.description ?? '',
        })),
      });
      groups.set(tag, list);
    }
  }
  return [...groups];
}
