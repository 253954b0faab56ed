// A project exported as JSON and imported into another workspace on the same
// server, and into a second server (another Shipshape), keeps every field.
import { beforeAll, describe, expect, it } from 'vitest';
import { signUp, type ApiClient } from '../../support/api-client';
import { useTestServer } from '../../support/server';
import {
  comparable,
  exportJson,
  richProject,
  withoutPerson,
  type RichProject,
} from '../../support/transfer';
import type { TProjectDocumentJson } from '@shipshape/domain';

const server = useTestServer();
const elsewhere = useTestServer();
const OWNER_EMAIL = 'olivia.transfer@ex.test';

let source: RichProject;
let original: TProjectDocumentJson;

beforeAll(async () => {
  source = await richProject(server.current, { owner: OWNER_EMAIL });
  original = await exportJson(source.owner.client, source.projectId);
}, 60_000);

/** What the API shows of a project, without ids, versions and write times. */
async function visible(client: ApiClient, projectId: string) {
  const project = await client.ok('project.get', { projectId });
  const items = (await client.ok('item.list', { projectId, limit: 500 })).items;
  const comments = await Promise.all(
    items.map(async (item) =>
      (await client.ok('comment.list', { itemId: item.id })).items.map((c) => ({
        item: item.key,
        author: c.author?.name ?? null,
        body: c.body,
        createdAt: c.createdAt,
        editedAt: c.editedAt,
      })),
    ),
  );
  const kpis = await client.ok('kpi.list', { projectId, includeArchived: true });
  const lessons = await client.ok('lesson.list', {
    workspaceId: project.workspaceId,
    projectId,
  });
  const parentKey = new Map(items.map((i) => [i.id, i.key]));
  return {
    project: {
      name: project.name,
      description: project.description,
      template: project.template && {
        name: project.template.name,
        versionLabel: project.template.versionLabel,
      },
      currentStageKey: project.currentStageKey,
      phase: project.phase,
      approach: project.approach,
      inference: project.inference,
      archived: project.archived,
      createdAt: project.createdAt,
    },
    items: items
      .map(
        ({
          id: _id,
          projectId: _p,
          version: _v,
          updatedAt: _u,
          templateItemId,
          parentId,
          ...item
        }) => ({
          ...item,
          fromTemplate: templateItemId !== null,
          parent: parentId ? parentKey.get(parentId) : null,
          assignee: item.assignee?.name ?? null,
          completedBy: item.completedBy?.name ?? null,
          evidence: item.evidence.map(({ id: _e, ...evidence }) => evidence),
        }),
      )
      .sort((a, b) => a.key.localeCompare(b.key)),
    comments: comments.flat(),
    kpis: kpis.map(({ id: _id, projectId: _p, version: _v, ...kpi }) => kpi),
    lessons: lessons.items
      .map((lesson) => {
        const {
          id: _id,
          projectId: _p,
          workspaceId: _w,
          version: _v,
          updatedAt: _u,
          highlights: _h,
          ...rest
        } = lesson as Record<string, unknown>;
        return {
          ...rest,
          title: lesson.title,
          project: null,
          item: (lesson as { item?: { title?: string } }).item?.title,
        };
      })
      .sort((a, b) => a.title.localeCompare(b.title)),
  };
}

describe('[transfer][project] export → import into another workspace of the same server', () => {
  let target: { workspaceId: string };

  beforeAll(async () => {
    const workspace = await source.owner.client.ok('workspace.create', { name: 'Target team' });
    await server.current.database.db.membership.create({
      data: { workspaceId: workspace.id, userId: source.member.user.id, role: 'MEMBER' },
    });
    target = { workspaceId: workspace.id };
  });

  it('a member cannot add a checklist version through an import (an admin can): 403, nothing written', async () => {
    const db = server.current.database.db;
    const [projects, templates] = [await db.project.count(), await db.checklistTemplate.count()];
    const refused = await source.member.client.call('project.import', {
      workspaceId: target.workspaceId,
      document: JSON.stringify(original),
    });
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toMatch(/needs an admin/);
    expect(await db.project.count()).toBe(projects);
    expect(await db.checklistTemplate.count()).toBe(templates);
  });

  it('keeps every field: the new project exports to the same document', async () => {
    const imported = await source.owner.client.ok('project.import', {
      workspaceId: target.workspaceId,
      document: JSON.stringify(original),
    });
    expect(imported.report).toMatchObject({
      projects: 1,
      items: original.project.items.length,
      comments: 2,
      measurements: 3,
      lessons: 2,
      unmatchedPeople: [],
      templates: [{ name: 'Transfer checklist', versionLabel: '1', reused: false }],
    });
    expect(imported.project.workspaceId).toBe(target.workspaceId);
    const again = await exportJson(source.owner.client, imported.project.id);
    expect(comparable(again)).toEqual(comparable(original));
    // And as the API shows it: every field of every item, comment, KPI and lesson.
    const before = await visible(source.owner.client, source.projectId);
    const after = await visible(source.owner.client, imported.project.id);
    expect(after).toEqual(before);
  });

  it('a second import, by a member, reuses the template matched by content; what others did is not attributed to them', async () => {
    const templatesBefore = await server.current.database.db.checklistTemplate.count();
    const second = await source.member.client.ok('project.import', {
      workspaceId: target.workspaceId,
      document: JSON.stringify(original),
    });
    expect(second.report.templates).toEqual([
      { name: 'Transfer checklist', versionLabel: '1', reused: true },
    ]);
    expect(await server.current.database.db.checklistTemplate.count()).toBe(templatesBefore);
    expect(second.project.slug).toBe('churn-prediction-2');
    // Mia's own work keeps her name; Olivia's comments are signed in their text
    // and her other traces are anonymous (a member cannot write in her name).
    expect(comparable(await exportJson(source.owner.client, second.project.id))).toEqual(
      comparable(withoutPerson(original, source.owner.user.email, { keepAssignments: true })),
    );
  });

  it('the activity log records one entry per import', async () => {
    const entries = await server.current.database.db.activityLog.findMany({
      where: { workspaceId: target.workspaceId, action: 'project.imported' },
    });
    expect(entries).toHaveLength(2);
  });
});

describe('[transfer][project] export → import into another Shipshape', () => {
  it('matches people by email; the unknown ones are reported, unassigned, and named in their comments', async () => {
    const olivia = await signUp(elsewhere.current.url, { name: 'Olivia O.', email: OWNER_EMAIL });
    const workspace = await olivia.client.ok('workspace.create', { name: 'New home' });
    const imported = await olivia.client.ok('project.import', {
      workspaceId: workspace.id,
      document: JSON.stringify(original),
    });
    expect(imported.report.unmatchedPeople).toEqual([source.member.user.email]);
    expect(imported.report.templates).toEqual([
      { name: 'Transfer checklist', versionLabel: '1', reused: false },
    ]);
    const again = await exportJson(olivia.client, imported.project.id);
    // Olivia's own name on this server is what the new document says.
    const expected = withoutPerson(original, source.member.user.email);
    const renamed = JSON.parse(
      JSON.stringify(expected).replaceAll('"Olivia Owner"', '"Olivia O."'),
    ) as TProjectDocumentJson;
    expect(comparable(again)).toEqual(comparable(renamed));
    const items = (
      await olivia.client.ok('item.list', { projectId: imported.project.id, limit: 500 })
    ).items;
    const quotes = items.find((i) => i.title === 'Write down three quotes')!;
    expect(quotes.assignee).toBeNull();
    expect(quotes.status).toBe('DONE');
    const shipIt = items.find((i) => i.title === 'Ship it')!;
    expect(shipIt.assignee?.id).toBe(olivia.user.id);
    const talk = items.find((i) => i.title === 'Talk to users')!;
    const comments = (await olivia.client.ok('comment.list', { itemId: talk.id })).items;
    expect(comments.map((c) => [c.author?.name ?? null, c.body])).toEqual([
      ['Olivia O.', 'Owner says: five users seen'],
      [null, '(Written by Mia Member; imported.)\n\n+1 from Mia'],
    ]);
  });
});
