// An API token costs a read no extra statement: the token check, its rate-limit
// count and last-use stamp ride in the one statement that checks a session.
import { describe, expect, it } from 'vitest';
import { ApiClient, signUp } from '../../support/api-client';
import { useCountedServer } from '../../support/counted-server';
import { rest } from '../../support/rest';

const server = useCountedServer();

describe('[perf][tokens] statements per read with an API token', () => {
  it('a token read runs as many statements as a session read (warm cache), REST one', async () => {
    const { client } = await signUp(server.url);
    const workspace = await client.ok('workspace.create', { name: 'Budget' });
    const project = await client.ok('project.create', { workspaceId: workspace.id, name: 'B' });
    const { token } = await client.ok('apiToken.create', {
      workspaceId: workspace.id,
      name: 'Budget',
      scopes: ['read'],
    });
    const tokenClient = new ApiClient(server.url);
    tokenClient.accessToken = token;
    const reads = [
      ['project.get', { projectId: project.id }],
      ['item.list', { projectId: project.id }],
      ['kpi.list', { projectId: project.id }],
      ['dashboard.project', { projectId: project.id }],
      ['lesson.list', { workspaceId: workspace.id }],
    ] as const;
    for (const [path, input] of reads) {
      await client.callRaw(path, input); // warm the read cache
      const bySession = await server.count(() => client.callRaw(path, input));
      const byToken = await server.count(() => tokenClient.callRaw(path, input));
      expect(byToken, path).toBe(bySession);
    }
    const viaRest = await server.count(() =>
      rest(server.url, 'GET', `/projects/${project.id}/items`, { token }),
    );
    expect(viaRest).toBe(1);
  });
});
