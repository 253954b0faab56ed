// A project with one of everything a project document keeps, and helpers to
// compare documents, for the export and import tests.
import type { TProjectDocumentJson } from '@shipshape/domain';
import { signUp, type ApiClient, type SignedUp } from './api-client';
import type { TestServer } from './server';
import { addMember } from './teams';

export const CHECKLIST_MARKDOWN = [
  '# Transfer checklist',
  '',
  '## Discovery',
  '- [ ] Talk to users | [Notes](https://example.com/notes)',
  '  - Write down three quotes',
  '- **Define success**: agree on a metric',
  '',
  '## Launch',
  '1. Ship it',
  '2. Watch the dashboards',
].join('\n');

export interface RichProject {
  owner: SignedUp;
  member: SignedUp;
  workspaceId: string;
  projectId: string;
}

/** Owner Olivia and member Mia, a project on the workspace's own checklist, and
 * statuses, N/A, assignees, due dates, notes, evidence, comments, a custom
 * sub-item, KPIs with measurements (one archived) and lessons. */
export async function richProject(
  server: TestServer,
  emails: { owner: string },
): Promise<RichProject> {
  const owner = await signUp(server.url, { name: 'Olivia Owner', email: emails.owner });
  const workspace = await owner.client.ok('workspace.create', { name: 'Source team' });
  const workspaceId = workspace.id;
  const member = await addMember(server, workspaceId, 'MEMBER', 'Mia Member');
  const imported = await owner.client.ok('template.import', {
    workspaceId,
    name: 'Transfer checklist',
    markdown: CHECKLIST_MARKDOWN,
  });
  const project = await owner.client.ok('project.create', {
    workspaceId,
    name: 'Churn = prediction',
    description: 'Predict churn; see <b>notes</b>',
    templateId: imported.stored!.id,
  });
  const projectId = project.id;
  const list = async () => (await owner.client.ok('item.list', { projectId, limit: 500 })).items;
  let items = await list();
  const byTitle = (title: string) => items.find((i) => i.title === title)!;
  const update = async (
    title: string,
    change: Record<string, unknown>,
    client: ApiClient = owner.client,
  ) => {
    const item = byTitle(title);
    await client.ok('item.update', {
      itemId: item.id,
      expectedVersion: item.version,
      ...change,
    } as never);
    items = await list();
  };
  await update('Write down three quotes', {
    status: 'DONE',
    assigneeId: member.user.id,
    dueDate: '2027-01-31',
    notes: '=HYPERLINK("http://evil.example","click")',
  });
  await update('Define success', {
    status: 'NOT_APPLICABLE',
    notApplicableReason: 'Metric set by the business',
  });
  await update(
    'Ship it',
    { status: 'IN_PROGRESS', assigneeId: owner.user.id, dueDate: '2027-03-01' },
    member.client,
  );
  const talk = byTitle('Talk to users');
  await owner.client.ok('item.addEvidence', {
    itemId: talk.id,
    expectedVersion: talk.version,
    kind: 'DOCUMENT',
    url: 'https://docs.example/interviews?id=(1)',
    label: 'Interview [notes]',
  });
  items = await list();
  await owner.client.ok('comment.add', { itemId: talk.id, body: 'Owner says: five users seen' });
  await member.client.ok('comment.add', { itemId: talk.id, body: '+1 from Mia' });
  const custom = await member.client.ok('item.addCustom', {
    projectId,
    stageKey: talk.stageKey,
    parentId: talk.id,
    title: '@Ask support for tickets',
  });
  await member.client.ok('item.update', {
    itemId: custom.id,
    expectedVersion: custom.version,
    status: 'BLOCKED',
    notes: '-2+3 tickets',
  });
  const kpi = await owner.client.ok('kpi.create', {
    projectId,
    stageKey: talk.stageKey,
    name: 'Recall',
    kind: 'MODEL',
    unit: '%',
    direction: 'HIGHER_IS_BETTER',
    baseline: 61.5,
    target: 80,
  });
  await member.client.ok('kpi.recordMany', {
    kpiId: kpi.id,
    csv: 'value,recordedAt,note\n62,2026-10-01T10:00:00Z,first run\n-5,2026-10-02T10:00:00Z,"=1+1\nsecond line"\n70.25,2026-10-03T10:00:00Z,\n',
  });
  const archived = await owner.client.ok('kpi.create', {
    projectId,
    name: 'Latency',
    kind: 'SYSTEM',
    unit: 'ms',
    direction: 'LOWER_IS_BETTER',
  });
  await owner.client.ok('kpi.archive', { kpiId: archived.id, expectedVersion: archived.version });
  await member.client.ok('lesson.create', {
    projectId,
    itemId: talk.id,
    title: 'Surveys did not work',
    tried: 'An email survey',
    happened: 'Three answers',
    learnt: 'Call people instead',
    tags: ['research', 'users'],
  });
  await owner.client.ok('lesson.create', {
    projectId,
    title: 'Project-wide lesson',
    tried: 'Weekly demos',
    happened: 'Nobody came',
    learnt: 'Demo on request',
    tags: [],
  });
  const current = await owner.client.ok('project.get', { projectId });
  await owner.client.ok('project.update', {
    projectId,
    expectedVersion: current.version,
    phase: 'MVP',
    approach: 'DATA_CENTRIC',
    inference: 'BATCH',
  });
  const updated = await owner.client.ok('project.get', { projectId });
  await owner.client.ok('project.setStage', {
    projectId,
    expectedVersion: updated.version,
    stageKey: byTitle('Ship it').stageKey,
  });
  return { owner, member, workspaceId, projectId };
}

export async function exportJson(
  client: ApiClient,
  projectId: string,
): Promise<TProjectDocumentJson> {
  const file = await client.ok('project.export', { projectId, format: 'json' });
  return JSON.parse(file.content) as TProjectDocumentJson;
}

/** A document without what differs between two exports of equal projects. */
export function comparable<T extends { exportedAt?: unknown }>(document: T): Omit<T, 'exportedAt'> {
  const { exportedAt: _ignored, ...rest } = document;
  return rest;
}

/** What a document becomes once imported where `email` has no member: that person's
 * items unassigned, their other traces anonymous, their comments signed in the text.
 * `keepAssignments`: they are a member, but a member's import may not attribute their
 * work to them (only an admin's may): their assignments stay, the rest is as above. */
export function withoutPerson(
  document: TProjectDocumentJson,
  email: string,
  { keepAssignments = false } = {},
): TProjectDocumentJson {
  const copy = structuredClone(document);
  const gone = (person: { email: string | null } | null) => person?.email === email;
  const strip = <T extends Record<string, unknown>>(row: T, keys: string[]) => {
    for (const key of keys)
      if (gone(row[key] as { email: string | null } | null))
        (row as Record<string, unknown>)[key] = null;
  };
  const project = copy.project;
  strip(project as never, ['createdBy']);
  for (const item of project.items) {
    strip(item as never, keepAssignments ? ['completedBy'] : ['assignee', 'completedBy']);
    for (const evidence of item.evidence) strip(evidence as never, ['createdBy']);
    for (const comment of item.comments) {
      if (gone(comment.author ?? null)) {
        comment.body = `(Written by ${comment.author!.name}; imported.)\n\n${comment.body}`;
        comment.author = null;
      }
    }
  }
  for (const kpi of project.kpis) {
    strip(kpi as never, ['createdBy']);
    for (const m of kpi.measurements) strip(m as never, ['recordedBy']);
  }
  for (const lesson of project.lessons) strip(lesson as never, ['author']);
  return copy;
}

/** RFC 4180 rows, written here independently of the CSV library the export uses. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) endRow();
  const [header = [], ...data] = rows;
  return data.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}
