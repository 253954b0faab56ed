// The web app forwards the REST API (/api/v1/*) to the API, so a script can
// use the public origin: GET, POST, PATCH and DELETE, with the token passed on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp } from '../../support/api-client';
import { useTestServer } from '../../support/server';

// Loaded by a computed path: the route is type-checked with the web app's types.
const ROUTE = '../../../apps/web/app/api/v1/[...path]/route';
type Handler = (request: Request) => Promise<Response>;
const handlers = (await import(ROUTE)) as Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Handler>;

const server = useTestServer();
beforeEach(() => {
  process.env.API_INTERNAL_URL = server.current.url;
});
afterEach(() => {
  delete process.env.API_INTERNAL_URL;
});

describe('[web][proxy] the REST API on the public origin', () => {
  it('forwards token-authenticated REST calls and the OpenAPI document', async () => {
    const { client } = await signUp(server.current.url);
    const workspace = await client.ok('workspace.create', { name: 'Proxied' });
    const { token } = await client.ok('apiToken.create', {
      workspaceId: workspace.id,
      name: 'CI',
      scopes: ['read', 'write'],
    });
    const at = (path: string) => `http://localhost:3000/api/v1${path}`;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const doc = await handlers.GET(new Request(at('/openapi.json')));
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0');
    const created = await handlers.POST(
      new Request(at(`/workspaces/${workspace.id}/projects`), {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ name: 'Via the web origin' }),
      }),
    );
    expect(created.status).toBe(201);
    const project = (await created.json()) as { id: string; version: number };
    const patched = await handlers.PATCH(
      new Request(at(`/projects/${project.id}`), {
        method: 'PATCH',
        headers: auth,
        body: JSON.stringify({ expectedVersion: project.version, description: 'patched' }),
      }),
    );
    expect(patched.status).toBe(200);
    const missing = await handlers.DELETE(
      new Request(at('/evidence/01890000-0000-7000-8000-000000000000?expectedVersion=1'), {
        method: 'DELETE',
        headers: { authorization: auth.authorization },
      }),
    );
    expect(missing.status).toBe(404);
    const anonymous = await handlers.GET(new Request(at(`/projects/${project.id}`)));
    expect(anonymous.status).toBe(401);
  });
});
