'use client';
import { useQuery } from '@tanstack/react-query';
import { Badge } from '../ui/badge';
import { QueryState } from '../ui/query-state';
import { Skeleton } from '../ui/skeleton';
import { OPENAPI_PATH } from './api-usage-card';
import {
  operationsByTag,
  type DocOperation,
  type OpenApiDocument,
} from '../../lib/openapi-operations';

async function fetchDocument(): Promise<OpenApiDocument> {
  const response = await fetch(OPENAPI_PATH, { cache: 'no-store' });
  if (!response.ok) throw new Error(`The API answered ${response.status}.`);
  return (await response.json()) as OpenApiDocument;
}

/** The REST API's reference, read from its OpenAPI document (the one source). */
export function ApiDocs() {
  const query = useQuery({ queryKey: ['openapi-document'], queryFn: fetchDocument });
  return (
    <QueryState
      query={query}
      what="The API reference"
      label="Loading the API reference…"
      fallback={<Skeleton className="h-64 w-full" />}
    >
      {(document) => (
        <div className="space-y-6" data-testid="api-docs">
          <p className="text-sm text-muted-foreground">
            {document.info?.title} {document.info?.version}. Base address{' '}
            <code className="font-mono">/api/v1</code>; every request sends{' '}
            <code className="font-mono">Authorization: Bearer shp_…</code>. The machine-readable
            document is at{' '}
            <a className="underline" href={OPENAPI_PATH}>
              {OPENAPI_PATH}
            </a>
            .
          </p>
          {operationsByTag(document).map(([tag, operations]) => (
            <section key={tag} aria-labelledby={`api-tag-${tag}`} className="space-y-3">
              <h3 id={`api-tag-${tag}`} className="text-base font-semibold">
                {tag}
              </h3>
              {operations.map((operation) => (
                <Operation key={`${operation.method} ${operation.path}`} operation={operation} />
              ))}
            </section>
          ))}
        </div>
      )}
    </QueryState>
  );
}

function Operation({ operation }: { operation: DocOperation }) {
  return (
    <article className="space-y-2 rounded-lg border p-3" data-testid="api-operation">
      <h4 className="flex flex-wrap items-center gap-2 text-sm">
        <Badge variant="secondary" className="font-mono">
          {operation.method}
        </Badge>
        <code className="font-mono break-all">/api/v1{operation.path}</code>
      </h4>
      {operation.summary ? <p className="text-sm">{operation.summary}</p> : null}
      {operation.parameters.length > 0 ? (
        <ul className="space-y-0.5 text-sm">
          {operation.parameters.map((parameter) => (
            <li key={`${parameter.in} ${parameter.name}`}>
              <code className="font-mono">{parameter.name}</code>{' '}
              <span className="text-muted-foreground">
                ({parameter.in}
                {parameter.required ? ', required' : ''})
              </span>
              {parameter.description ? ` ${parameter.description}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {operation.body ? (
        <details className="text-sm">
          <summary className="cursor-pointer">Request body (JSON Schema)</summary>
          <pre className="mt-1 max-h-72 overflow-auto rounded-md bg-muted p-2 font-mono text-xs">
            {JSON.stringify(operation.body, null, 2)}
          </pre>
        </details>
      ) : null}
      <p className="text-xs text-muted-foreground">
        Answers:{' '}
        {operation.responses
          .map((response) => `${response.status} ${response.description}`)
          .join(' · ')}
      </p>
    </article>
  );
}
