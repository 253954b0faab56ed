import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATE_NAME, seedBuiltInTemplates } from '@shipshape/db';
import { signUp } from '../../support/api-client';
import type { ProcedureOutput } from '../../support/api-types';
import { useTestServer } from '../../support/server';

const server = useTestServer();
const url = () => server.current.url;
const db = () => server.current.database.db;

async function adminOfNewWorkspace() {
  const owner = await signUp(url());
  const workspace = await owner.client.ok('workspace.create', {
    name: 'Templates',
  });
  return { ...owner, workspaceId: workspace.id };
}

describe('[templates][seed] the built-in checklist', () => {
  it('both editions are stored as versions 1 and 2, v2 the default, and seeding again adds nothing', async () => {
    const { client, workspaceId } = await adminOfNewWorkspace();
    const list = await client.ok('template.list', { workspaceId });
    const builtIn = list.filter((t) => t.builtIn && t.name === BUILT_IN_TEMPLATE_NAME);
    expect(builtIn.map((t) => [t.versionLabel, t.isDefault])).toEqual([
      ['1', false],
      ['2', true],
    ]);
    const [v1, v2] = builtIn;
    expect(v2!.itemCount).toBeGreaterThan(v1!.itemCount * 3);
    expect(v2!.stageCount).toBeGreaterThan(v1!.stageCount);

    const before = await db().templateItem.count();
    expect((await seedBuiltInTemplates(db())).created).toEqual([]);
    expect(await db().templateItem.count()).toBe(before);
  });

  it('template.get returns stages and nested items with links, clean of mojibake', async () => {
    const { client, workspaceId } = await adminOfNewWorkspace();
    const v2 = (await client.ok('template.list', { workspaceId })).find(
      (t) => t.builtIn && t.versionLabel === '2',
    )!;
    type Node = ProcedureOutput<'template.get'>['stages'][number]['items'][number];
    const template = await client.ok('template.get', { workspaceId, templateId: v2.id });
    expect(template.stages.length).toBe(v2.stageCount);
    const all: Node[] = [];
    const walk = (nodes: Node[]) => nodes.forEach((n) => (all.push(n), walk(n.children)));
    template.stages.forEach((s) => walk(s.items));
    expect(all.length).toBe(v2.itemCount);
    expect(all.some((n) => n.children.length > 0)).toBe(true);
    expect(all.some((n) => n.links.length > 0)).toBe(true);
    const text = JSON.stringify(template.stages.map((s) => [s.title, s.items.map((i) => i.title)]));
    expect(text).not.toMatch(/ğŸ|üì|â€|\uFFFD/);
    expect(template.stages.map((s) => s.key)).toContain('data');
  });
});

describe('[templates][import] a workspace imports its own checklist', () => {
  const markdown = [
    '# Our checklist',
    '',
    '## Discovery',
    '- [ ] Talk to users | [Notes](https://example.com/notes)',
    '  - Write down three quotes',
    '- **Define success**: agree on a metric',
    '',
    '## Launch',
    '1. Ship it',
  ].join('\n');

  it('a dry run previews the parsed stages and stores nothing', async () => {
    const { client, workspaceId } = await adminOfNewWorkspace();
    const before = await db().checklistTemplate.count();
    const preview = await client.ok('template.import', {
      workspaceId,
      name: 'Ours',
      markdown,
      dryRun: true,
    });
    expect(preview.stored).toBeNull();
    expect(preview.template.stages.map((s) => s.title)).toEqual(['Discovery', 'Launch']);
    expect(preview.template.stages[0]!.items[0]).toMatchObject({
      title: 'Talk to users',
      links: [{ label: 'Notes', url: 'https://example.com/notes' }],
    });
    expect(preview.template.stages[0]!.items[0]!.children).toHaveLength(1);
    expect(preview.template.stages[0]!.items[1]!.title).toBe('Define success');
    expect(await db().checklistTemplate.count()).toBe(before);
  });

  it('stores a new version; the same content again is recognised and not duplicated', async () => {
    const { client, workspaceId } = await adminOfNewWorkspace();
    const first = await client.ok('template.import', { workspaceId, name: 'Ours', markdown });
    expect(first.stored).toMatchObject({ versionLabel: '1', duplicate: false });
    const again = await client.ok('template.import', {
      workspaceId,
      name: 'Ours',
      markdown,
    });
    expect(again.stored).toEqual({ id: first.stored!.id, versionLabel: '1', duplicate: true });
    const activity = await db().activityLog.findMany({
      where: { workspaceId, action: 'template.imported' },
    });
    expect(activity).toHaveLength(1);
    const list = await client.ok('template.list', { workspaceId });
    expect(list.filter((t) => !t.builtIn).map((t) => t.name)).toEqual(['Ours']);
  });

  it('refuses a file with no list items, naming the problem', async () => {
    const { client, workspaceId } = await adminOfNewWorkspace();
    const result = await client.call('template.import', {
      workspaceId,
      name: 'Empty',
      markdown: '# Title\n\nJust prose, no checklist.\n',
    });
    expect(result.status).toBe(400);
    expect(result.error?.message).toMatch(/The checklist cannot be imported: .*list item/i);
  });

  it('another workspace does not see an imported template, and cannot fetch it by id', async () => {
    const a = await adminOfNewWorkspace();
    const b = await adminOfNewWorkspace();
    const stored = await a.client.ok('template.import', {
      workspaceId: a.workspaceId,
      name: 'Secret checklist',
      markdown,
    });
    const list = await b.client.ok('template.list', { workspaceId: b.workspaceId });
    expect(list.map((t) => t.name)).not.toContain('Secret checklist');
    const get = await b.client.call('template.get', {
      workspaceId: b.workspaceId,
      templateId: stored.stored!.id,
    });
    expect(get.status).toBe(404);
  });
});

describe('[templates][diff] two versions', () => {
  it('lists stages and items added, removed, renamed or moved, and changed between v1 and v2', async () => {
    const { client, workspaceId } = await adminOfNewWorkspace();
    const list = await client.ok('template.list', { workspaceId });
    const v1 = list.find((t) => t.builtIn && t.versionLabel === '1')!;
    const v2 = list.find((t) => t.builtIn && t.versionLabel === '2')!;
    const diff = await client.ok('template.diff', {
      workspaceId,
      fromTemplateId: v1.id,
      toTemplateId: v2.id,
    });
    expect(diff.stages.added.length).toBeGreaterThan(0);
    expect(diff.items.added.length).toBeGreaterThan(100);
    const same = await client.ok('template.diff', {
      workspaceId,
      fromTemplateId: v2.id,
      toTemplateId: v2.id,
    });
    expect(same.items).toMatchObject({ added: [], removed: [] });
  });
});
