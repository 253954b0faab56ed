// Authorization rows for export and import (merged into `authorizationRows`):
// exporting a project is reading it (VIEWER), a whole workspace needs ADMIN,
// importing a project needs MEMBER, and anyone signed in may import a workspace
// document into a new workspace of their own.
import type { Fixture } from './authz-fixture';
import type { MatrixRow } from './authz-rows';

const at = '2026-11-29T12:00:00.000Z';

/** The smallest valid project document: one stage, one item, no template. */
export const MINIMAL_PROJECT_DOCUMENT = {
  format: 'shipshape.project',
  version: 1,
  exportedAt: at,
  template: null,
  project: {
    name: 'Imported in the matrix',
    description: null,
    phase: 'POC',
    approach: null,
    inference: null,
    archived: false,
    archivedAt: null,
    createdAt: at,
    createdBy: null,
    templateHash: null,
    currentStageKey: 'scoping',
    stages: [{ key: 'scoping', title: 'Scoping', description: null, templateStageKey: null }],
    items: [
      {
        key: 'scoping/goal',
        stageKey: 'scoping',
        parentKey: null,
        position: 0,
        title: 'Agree on the goal',
        body: null,
        links: [],
        toolOptions: [],
        templateItemKey: null,
        isCustom: true,
        removedFromTemplate: false,
        status: 'TODO',
        notApplicableReason: null,
        assignee: { email: 'someone@ex.test', name: 'Someone' },
        dueDate: '2027-01-31',
        notes: null,
        completedAt: null,
        completedBy: null,
        createdAt: at,
        evidence: [],
        comments: [],
      },
    ],
    kpis: [],
    lessons: [],
  },
};

export const MINIMAL_WORKSPACE_DOCUMENT = {
  format: 'shipshape.workspace',
  version: 1,
  exportedAt: at,
  workspace: { name: 'Imported workspace', description: null },
  members: [{ email: 'someone@ex.test', name: 'Someone', role: 'MEMBER' }],
  templates: [],
  projects: [MINIMAL_PROJECT_DOCUMENT.project],
};

export const transferAuthorizationRows: Record<string, MatrixRow> = {
  'project.export': {
    access: 'VIEWER',
    input: (f: Fixture) => ({ projectId: f.projectId, format: 'markdown' }),
  },
  'project.import': {
    access: 'MEMBER',
    input: (f: Fixture) => ({
      workspaceId: f.workspaceId,
      document: JSON.stringify(MINIMAL_PROJECT_DOCUMENT),
    }),
  },
  'workspace.export': { access: 'ADMIN', input: (f: Fixture) => ({ workspaceId: f.workspaceId }) },
  'workspace.import': {
    access: 'authed',
    input: () => ({
      document: JSON.stringify(MINIMAL_WORKSPACE_DOCUMENT),
      name: 'From a document',
    }),
  },
};
