import { describe, expect, it } from 'vitest';
import { signUp } from '../../support/api-client';
import { builtInTemplates } from '../../support/authz-fixture';
import { useTestServer } from '../../support/server';

const server = useTestServer();
const url = () => server.current.url;
const db = () => server.current.database.db;

async function projectFrom(versionLabel: '1' | '2') {
  const owner = await signUp(url(), { name: 'Priya Lead' });
  const workspace = await owner.client.ok('workspace.create', { name: 'ML team' });
  const templates = await builtInTemplates(db());
  const project = await owner.client.ok('project.create', {
    workspaceId: workspace.id,
    name: 'Churn prediction',
    templateId: versionLabel === '1' ? templates.v1 : templates.v2,
    phase: 'MVP',
    approach: 'DATA_CENTRIC',
    inference: 'BATCH',
  });
  return { ...owner, workspaceId: workspace.id, project, templates };
}

describe('[projects][create] a project from a template', () => {
  it('copies every stage and item, keeping references to the template items', async () => {
    const { project, templates } = await projectFrom('2');
    expect(project.template).toMatchObject({ id: templates.v2, versionLabel: '2' });
    const [templateStages, templateItems, stages, items] = await Promise.all([
      db().templateStage.count({ where: { templateId: templates.v2 } }),
      db().templateItem.findMany({ where: { templateId: templates.v2 } }),
      db().projectStage.findMany({
        where: { projectId: project.id },
        orderBy: { position: 'asc' },
      }),
      db().projectItem.findMany({ where: { projectId: project.id } }),
    ]);
    expect(stages.length).toBe(templateStages);
    expect(items.length).toBe(templateItems.length);
    expect(project.currentStageKey).toBe(stages[0]!.key);
    const byTemplateItem = new Map(items.map((item) => [item.templateItemId, item]));
    for (const templateItem of templateItems) {
      const copy = byTemplateItem.get(templateItem.id);
      expect(copy, templateItem.key).toBeDefined();
      expect(copy).toMatchObject({
        key: templateItem.key,
        title: templateItem.title,
        status: 'TODO',
      });
      // Sub-items point at the copy of their parent.
      const parentCopy = templateItem.parentId
        ? byTemplateItem.get(templateItem.parentId)?.id
        : null;
      expect(copy!.parentId).toBe(parentCopy ?? null);
    }
  });

  it('creating a project from another workspace’s template is NOT_FOUND', async () => {
    const a = await projectFrom('1');
    const stored = await a.client.ok('template.import', {
      workspaceId: a.workspaceId,
      name: 'Private',
      markdown: '## Stage\n- one item\n',
    });
    const b = await signUp(url());
    const other = await b.client.ok('workspace.create', { name: 'Other team' });
    const result = await b.client.call('project.create', {
      workspaceId: other.id,
      name: 'Sneaky',
      templateId: stored.stored!.id,
    });
    expect(result.status).toBe(404);
  });
});

describe('[projects][upgrade] a v1 project with progress moves to v2', () => {
  it('keeps every status, assignee, due date, note, comment and evidence; adds new items as TODO', async () => {
    const { client, user, workspaceId, project, templates } = await projectFrom('1');
    const items = await db().projectItem.findMany({
      where: { projectId: project.id },
      orderBy: [{ stageId: 'asc' }, { position: 'asc' }],
    });
    // Progress on a spread of items, as a team would have made it.
    const progressed = items.filter((_, index) => index % 3 === 0);
    for (const [index, item] of progressed.entries()) {
      const status = (['DONE', 'IN_PROGRESS', 'BLOCKED', 'NOT_APPLICABLE'] as const)[index % 4];
      await db().projectItem.update({
        where: { id: item.id },
        data: {
          status,
          notApplicableReason: status === 'NOT_APPLICABLE' ? 'We have no labelled data' : null,
          completedAt: status === 'DONE' ? new Date() : null,
          completedById: status === 'DONE' ? user.id : null,
          assigneeId: user.id,
          dueDate: new Date('2027-01-15'),
          notes: `note ${index}`,
        },
      });
      await db().comment.create({
        data: { workspaceId, itemId: item.id, authorId: user.id, body: `comment ${index}` },
      });
      await db().evidenceLink.create({
        data: {
          itemId: item.id,
          kind: 'PULL_REQUEST',
          url: `https://git.example/pr/${index}`,
          label: 'PR',
        },
      });
    }
    const before = await db().projectItem.findMany({
      where: { id: { in: progressed.map((i) => i.id) } },
      include: { comments: true, evidence: true },
    });

    const preview = await client.ok('project.upgradePreview', {
      projectId: project.id,
      templateId: templates.v2,
    });
    expect(preview.matched.length).toBeGreaterThan(0);
    expect(preview.added.length).toBeGreaterThan(100);
    for (const removal of preview.removed) {
      expect(removal.keep).toBe(progressed.some((p) => p.id === removal.itemId));
    }

    const stale = await client.call('project.upgradeApply', {
      projectId: project.id,
      templateId: templates.v2,
      expectedVersion: project.version + 5,
    });
    expect(stale.status).toBe(409);
    expect(await db().projectItem.count({ where: { projectId: project.id } })).toBe(items.length);

    const applied = await client.ok('project.upgradeApply', {
      projectId: project.id,
      templateId: templates.v2,
      expectedVersion: project.version,
    });
    expect(applied.project.template).toMatchObject({ id: templates.v2, versionLabel: '2' });
    expect(applied.project.version).toBe(project.version + 1);
    expect(applied.summary.matched).toBe(preview.matched.length);
    expect(applied.summary.added).toBe(preview.added.length);

    // Every progressed item is still there with everything it had.
    const after = await db().projectItem.findMany({
      where: { id: { in: progressed.map((i) => i.id) } },
      include: { comments: true, evidence: true },
    });
    expect(after.length).toBe(before.length);
    for (const old of before) {
      const now = after.find((item) => item.id === old.id)!;
      expect(now).toMatchObject({
        status: old.status,
        assigneeId: old.assigneeId,
        dueDate: old.dueDate,
        notes: old.notes,
        notApplicableReason: old.notApplicableReason,
        completedById: old.completedById,
      });
      expect(now.comments.map((c) => c.body)).toEqual(old.comments.map((c) => c.body));
      expect(now.evidence.map((e) => e.url)).toEqual(old.evidence.map((e) => e.url));
    }
    // The checklist now is v2's, plus the progressed v1 items v2 does not have.
    const v2Items = await db().templateItem.count({ where: { templateId: templates.v2 } });
    const total = await db().projectItem.count({ where: { projectId: project.id } });
    expect(total).toBe(v2Items + applied.summary.kept);
    const kept = await db().projectItem.count({
      where: { projectId: project.id, removedFromTemplate: true },
    });
    expect(kept).toBe(applied.summary.kept);
    const added = await db().projectItem.findMany({
      where: { projectId: project.id, id: { notIn: items.map((i) => i.id) } },
    });
    expect(added.length).toBe(applied.summary.added);
    expect(added.every((item) => item.status === 'TODO' && item.templateItemId !== null)).toBe(
      true,
    );

    const activity = await db().activityLog.findFirstOrThrow({
      where: { projectId: project.id, action: 'project.upgraded' },
    });
    expect(activity.after).toMatchObject({
      matched: applied.summary.matched,
      added: applied.summary.added,
    });
  });
});
