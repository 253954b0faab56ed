/**
 * The REST API (`/api/v1`): a table of resource-style routes, each one a tRPC
 * procedure. Path parameters and the query (GET, DELETE) or JSON body (POST,
 * PATCH) together are the procedure's input, validated by its own zod schema;
 * roles, services, errors and the OpenAPI document (openapi.ts) all come from
 * the procedure, so REST and tRPC cannot drift apart.
 */
export interface RestRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** OpenAPI style, under /api/v1: `/items/{itemId}`. */
  path: string;
  /** The tRPC procedure it runs: `item.update`. */
  procedure: string;
  tag: string;
  summary: string;
  /** 201 for routes that create something; else 200. */
  status?: 201;
}

export const REST_PREFIX = '/api/v1';

export const restRoutes: RestRoute[] = [
  {
    method: 'GET',
    path: '/workspaces/{workspaceId}',
    procedure: 'workspace.get',
    tag: 'Workspaces',
    summary: 'Get a workspace',
  },
  {
    method: 'GET',
    path: '/workspaces/{workspaceId}/members',
    procedure: 'workspace.members',
    tag: 'Workspaces',
    summary: "List a workspace's members (ids to assign items to)",
  },
  {
    method: 'GET',
    path: '/workspaces/{workspaceId}/projects',
    procedure: 'project.list',
    tag: 'Projects',
    summary: 'List projects',
  },
  {
    method: 'POST',
    path: '/workspaces/{workspaceId}/projects',
    procedure: 'project.create',
    tag: 'Projects',
    summary: 'Create a project from a checklist',
    status: 201,
  },
  {
    method: 'GET',
    path: '/projects/{projectId}',
    procedure: 'project.get',
    tag: 'Projects',
    summary: 'Get a project',
  },
  {
    method: 'PATCH',
    path: '/projects/{projectId}',
    procedure: 'project.update',
    tag: 'Projects',
    summary: 'Update a project (on the version read)',
  },
  {
    method: 'GET',
    path: '/projects/{projectId}/stages',
    procedure: 'dashboard.project',
    tag: 'Stages',
    summary: "A project's stages with their progress",
  },
  {
    method: 'GET',
    path: '/projects/{projectId}/stages/{stageKey}',
    procedure: 'dashboard.stage',
    tag: 'Stages',
    summary: 'One stage: progress and its items',
  },
  {
    method: 'GET',
    path: '/projects/{projectId}/items',
    procedure: 'item.list',
    tag: 'Items',
    summary: "List a project's checklist items",
  },
  {
    method: 'GET',
    path: '/items/{itemId}',
    procedure: 'item.get',
    tag: 'Items',
    summary: 'Get a checklist item',
  },
  {
    method: 'PATCH',
    path: '/items/{itemId}',
    procedure: 'item.update',
    tag: 'Items',
    summary: 'Update status, assignee, due date or notes (on the version read)',
  },
  {
    method: 'POST',
    path: '/items/{itemId}/evidence',
    procedure: 'item.addEvidence',
    tag: 'Evidence',
    summary: 'Attach an evidence link (a CI run, a report) to an item',
    status: 201,
  },
  {
    method: 'DELETE',
    path: '/evidence/{evidenceId}',
    procedure: 'item.removeEvidence',
    tag: 'Evidence',
    summary: "Remove an evidence link (expectedVersion: its item's version)",
  },
  {
    method: 'GET',
    path: '/items/{itemId}/comments',
    procedure: 'comment.list',
    tag: 'Comments',
    summary: "List an item's comments, oldest first",
  },
  {
    method: 'POST',
    path: '/items/{itemId}/comments',
    procedure: 'comment.add',
    tag: 'Comments',
    summary: 'Comment on an item',
    status: 201,
  },
  {
    method: 'GET',
    path: '/projects/{projectId}/kpis',
    procedure: 'kpi.list',
    tag: 'KPIs',
    summary: "List a project's KPIs with their latest values",
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/kpis',
    procedure: 'kpi.create',
    tag: 'KPIs',
    summary: 'Create a KPI',
    status: 201,
  },
  {
    method: 'GET',
    path: '/kpis/{kpiId}',
    procedure: 'kpi.get',
    tag: 'KPIs',
    summary: 'Get a KPI',
  },
  {
    method: 'POST',
    path: '/kpis/{kpiId}/measurements',
    procedure: 'kpi.record',
    tag: 'KPIs',
    summary: 'Record one measurement (from a training job)',
    status: 201,
  },
  {
    method: 'POST',
    path: '/kpis/{kpiId}/measurements/bulk',
    procedure: 'kpi.recordBatch',
    tag: 'KPIs',
    summary: 'Record up to 10 000 measurements, all or none',
    status: 201,
  },
  {
    method: 'POST',
    path: '/kpis/{kpiId}/measurements/csv',
    procedure: 'kpi.recordMany',
    tag: 'KPIs',
    summary: 'Record up to 10 000 measurements from CSV, all or none',
    status: 201,
  },
  {
    method: 'GET',
    path: '/workspaces/{workspaceId}/lessons',
    procedure: 'lesson.list',
    tag: 'Lessons',
    summary: 'List or search (q) lessons learnt',
  },
  {
    method: 'POST',
    path: '/projects/{projectId}/lessons',
    procedure: 'lesson.create',
    tag: 'Lessons',
    summary: 'Log a lesson learnt',
    status: 201,
  },
  {
    method: 'GET',
    path: '/lessons/{lessonId}',
    procedure: 'lesson.get',
    tag: 'Lessons',
    summary: 'Get a lesson',
  },
];

/** `/items/{itemId}` as Fastify writes it: `/items/:itemId`. */
export function routerPath(path: string): string {
  return REST_PREFIX + path.replace(/\{(\w+)\}/g, ':$1');
}

export function pathParamsOf(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
}
