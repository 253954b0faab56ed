import { describe, expect, it } from 'vitest';
import { operationsByTag } from './openapi-operations';

describe('[web][api docs] operations of an OpenAPI document', () => {
  it('groups by first tag in document order, with parameters, body and responses', () => {
    const groups = operationsByTag({
      paths: {
        '/projects/{projectId}': {
          get: {
            tags: ['Projects'],
            summary: 'A project',
            parameters: [{ name: 'projectId', in: 'path', required: true }],
            responses: { '200': { description: 'The project' }, '404': {} },
          },
          patch: {
            tags: ['Projects'],
            requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
          },
        },
        '/kpis/{kpiId}/measurements': { post: { tags: ['KPIs'], description: 'Record a value' } },
        '/misc': { get: {} },
      },
    });
    expect(groups.map(([tag, operations]) => [tag, operations.length])).toEqual([
      ['Projects', 2],
      ['KPIs', 1],
      ['Other', 1],
    ]);
    const [get, patch] = groups[0]![1];
    expect(get).toMatchObject({
      method: 'GET',
      path: '/projects/{projectId}',
      summary: 'A project',
      parameters: [{ name: 'projectId', in: 'path', required: true }],
      responses: [
        { status: '200', description: 'The project' },
        { status: '404', description: '' },
      ],
    });
    expect(patch!.body).toEqual({ type: 'object' });
    expect(groups[1]![1][0]!.summary).toBe('Record a value');
  });
});
