// Lessons learnt ("what didn't work"): writing, versioned edits, soft delete,
// full-text search with safe highlights, tags, lessons for a stage, pagination
// and tenant isolation — over real HTTP against a real Postgres.
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUp, type CallResult } from '../../support/api-client';
import type { ProcedureInput, ProcedureOutput } from '../../support/api-types';
import {
  MATRIX_ROLES,
  builtInTemplates,
  createFixture,
  createMatrixUsers,
  type MatrixRole,
  type MatrixUsers,
} from '../../support/authz-fixture';
import type { Access } from '../../support/authz-rows';
import { createFixtureLesson, lessonAuthorizationRows } from '../../support/authz-rows-lessons';
import { useTestServer } from '../../support/server';
import { teamWithTwoProjects } from '../../support/teams';

const server = useTestServer();
const url = () => server.current.url;
const db = () => server.current.database.db;

type Lesson = ProcedureOutput<'lesson.create'>;
type Hit = ProcedureOutput<'lesson.list'>['items'][number];
type Part = NonNullable<Hit['match']>['title'][number];

/** A workspace with two v1 projects and one person per role. */
const team = (name?: string) => teamWithTwoProjects(server.current, name);

/** An item of the project in the given stage. */
async function itemIn(projectId: string, stageKey: string) {
  return db().projectItem.findFirstOrThrow({
    where: { projectId, stage: { key: stageKey } },
    select: { id: true, title: true, stageId: true },
  });
}

function lessonInput(
  projectId: string,
  overrides: Partial<ProcedureInput<'lesson.create'>> = {},
): ProcedureInput<'lesson.create'> {
  return {
    projectId,
    title: 'Plain lesson',
    tried: 'We tried the usual approach.',
    happened: 'Nothing special happened.',
    learnt: 'Keep notes.',
    tags: [],
    ...overrides,
  };
}

async function createLesson(
  client: ApiClient,
  projectId: string,
  overrides: Partial<ProcedureInput<'lesson.create'>> = {},
) {
  return client.ok('lesson.create', lessonInput(projectId, overrides));
}

/** Every page of a list, following nextCursor. */
async function walk(client: ApiClient, input: ProcedureInput<'lesson.list'>): Promise<Hit[][]> {
  const pages: Hit[][] = [];
  let cursor: string | undefined;
  do {
    const page = await client.ok('lesson.list', { ...input, ...(cursor ? { cursor } : {}) });
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
    if (pages.length > 100) throw new Error('pagination does not end');
  } while (cursor);
  return pages;
}

const text = (parts: Part[]) => parts.map((part) => part.text).join('');
const matched = (parts: Part[]) => parts.filter((part) => part.match).map((part) => part.text);

describe('[lessons][create] writing a lesson', () => {
  it('[lessons][create] stores stage, item, author, project and normalised tags', async () => {
    const t = await team();
    const item = await itemIn(t.churn.id, 'data');
    const lesson = await createLesson(t.member.client, t.churn.id, {
      stageKey: 'data',
      itemId: item.id,
      title: '  SMOTE made it worse  ',
      tags: [' NLP', 'nlp', 'Imbalance ', 'imbalance', 'smote'],
    });
    expect(lesson).toMatchObject({
      workspaceId: t.workspaceId,
      project: { id: t.churn.id, name: 'Churn prediction' },
      stageKey: 'data',
      item: { id: item.id, title: item.title },
      title: 'SMOTE made it worse',
      tags: ['nlp', 'imbalance', 'smote'],
      author: { id: t.member.user.id, name: 'Mia Member' },
      version: 1,
    });
    expect(typeof lesson.createdAt).toBe('string');
    const row = await db().lesson.findUniqueOrThrow({ where: { id: lesson.id } });
    expect(row).toMatchObject({ stageId: item.stageId, stageKey: 'data', itemId: item.id });
    const read = await t.viewer.client.ok('lesson.get', { lessonId: lesson.id });
    expect(read).toEqual(lesson);
  });

  it('[lessons][create] an item without a stage files the lesson under the item’s stage', async () => {
    const t = await team();
    const item = await itemIn(t.churn.id, 'modelling');
    const lesson = await createLesson(t.member.client, t.churn.id, { itemId: item.id });
    expect(lesson.stageKey).toBe('modelling');
    expect(lesson.item?.id).toBe(item.id);
    const bare = await createLesson(t.member.client, t.churn.id);
    expect(bare).toMatchObject({ stageKey: null, item: null, tags: [] });
  });

  it('[lessons][create] refuses invalid fields with field-level messages', async () => {
    const t = await team();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ title: '   ' }, 'title', /required/],
      [{ title: 'x'.repeat(301) }, 'title', /at most 300/],
      [{ learnt: '' }, 'learnt', /required/],
      [{ tried: 'x'.repeat(20_001) }, 'tried', /at most 20000/],
      [{ tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }, 'tags', /at most 20 tags/],
      [{ tags: ['ok', 'x'.repeat(41)] }, 'tags.1', /at most 40/],
      [{ tags: ['  '] }, 'tags.0', /at least 1/],
      [{ happened: 'nul \u0000 byte' }, 'happened', /NUL/],
      [{ stageKey: '' }, 'stageKey', /required/],
      [{ itemId: 'not-an-id' }, 'itemId', /valid id/],
      [{ authorId: t.owner.user.id }, 'authorId', /not an accepted field/],
    ];
    for (const [overrides, field, message] of cases) {
      const result = await t.member.client.callRaw('lesson.create', {
        ...lessonInput(t.churn.id),
        ...overrides,
      });
      expect(result.status, field).toBe(400);
      expect(result.error?.data.fieldErrors?.[field]?.[0], field).toMatch(message);
    }
    const missing = await t.member.client.callRaw('lesson.create', { projectId: t.churn.id });
    expect(Object.keys(missing.error?.data.fieldErrors ?? {}).sort()).toEqual([
      'happened',
      'learnt',
      'title',
      'tried',
    ]);
    expect(await db().lesson.count({ where: { workspaceId: t.workspaceId } })).toBe(0);
  });

  it('[lessons][create] refuses a stage or an item that is not of the lesson’s project', async () => {
    const t = await team();
    const otherProjectsItem = await itemIn(t.fraud.id, 'data');
    const modellingItem = await itemIn(t.churn.id, 'modelling');
    const noStage = await t.member.client.call(
      'lesson.create',
      lessonInput(t.churn.id, { stageKey: 'no-such-stage' }),
    );
    expect(noStage.status).toBe(400);
    expect(noStage.error?.message).toContain('no-such-stage');
    expect(noStage.error?.data.fieldErrors?.stageKey?.[0]).toMatch(
      /must be a stage of this project/,
    );
    const foreignItem = await t.member.client.call(
      'lesson.create',
      lessonInput(t.churn.id, { itemId: otherProjectsItem.id }),
    );
    expect(foreignItem.status).toBe(400);
    expect(foreignItem.error?.data.fieldErrors?.itemId?.[0]).toMatch(
      /must be a checklist item of this project/,
    );
    const wrongStage = await t.member.client.call(
      'lesson.create',
      lessonInput(t.churn.id, { stageKey: 'data', itemId: modellingItem.id }),
    );
    expect(wrongStage.status).toBe(400);
    expect(wrongStage.error?.data.fieldErrors?.itemId?.[0]).toMatch(/it is in stage "modelling"/);
    expect(await db().lesson.count({ where: { workspaceId: t.workspaceId } })).toBe(0);
    expect(
      await db().activityLog.count({ where: { workspaceId: t.workspaceId, entityType: 'lesson' } }),
    ).toBe(0);
  });

  it('[lessons][viewer] cannot create a lesson; an outsider or a stranger cannot reach the project', async () => {
    const t = await team();
    const viewer = await t.viewer.client.call('lesson.create', lessonInput(t.churn.id));
    expect(viewer.status).toBe(403);
    const outsider = await signUp(url());
    expect((await outsider.client.call('lesson.create', lessonInput(t.churn.id))).status).toBe(404);
    const anonymous = new ApiClient(url());
    expect((await anonymous.call('lesson.create', lessonInput(t.churn.id))).status).toBe(401);
    expect(await db().lesson.count({ where: { workspaceId: t.workspaceId } })).toBe(0);
  });
});

describe('[lessons][update] editing with optimistic concurrency', () => {
  it('[lessons][update] a member edits another’s lesson; the version goes up; stage and item follow the rules', async () => {
    const t = await team();
    const lesson = await createLesson(t.owner.client, t.churn.id, { stageKey: 'data' });
    const edited = await t.member.client.ok('lesson.update', {
      lessonId: lesson.id,
      expectedVersion: 1,
      title: 'Better title',
      tags: ['Drift', 'drift'],
    });
    expect(edited).toMatchObject({
      title: 'Better title',
      tags: ['drift'],
      stageKey: 'data',
      tried: lesson.tried,
      version: 2,
      author: { id: t.owner.user.id },
    });
    const modellingItem = await itemIn(t.churn.id, 'modelling');
    const mismatch = await t.member.client.call('lesson.update', {
      lessonId: lesson.id,
      expectedVersion: 2,
      stageKey: 'data',
      itemId: modellingItem.id,
    });
    expect(mismatch.status).toBe(400);
    const moved = await t.member.client.ok('lesson.update', {
      lessonId: lesson.id,
      expectedVersion: 2,
      itemId: modellingItem.id,
    });
    expect(moved).toMatchObject({ stageKey: 'modelling', item: { id: modellingItem.id } });
    // Changing the stage away from the item's is refused while the item stays.
    const away = await t.member.client.call('lesson.update', {
      lessonId: lesson.id,
      expectedVersion: 3,
      stageKey: 'data',
    });
    expect(away.status).toBe(400);
    expect(away.error?.data.fieldErrors?.itemId?.[0]).toMatch(/it is in stage "modelling"/);
    const cleared = await t.member.client.ok('lesson.update', {
      lessonId: lesson.id,
      expectedVersion: 3,
      stageKey: null,
      itemId: null,
    });
    expect(cleared).toMatchObject({ stageKey: null, item: null, version: 4 });
    const row = await db().lesson.findUniqueOrThrow({ where: { id: lesson.id } });
    expect(row).toMatchObject({ stageId: null, stageKey: null, itemId: null });
  });

  it('[lessons][update] a stale version is a 409 with the current row, and nothing is overwritten', async () => {
    const t = await team();
    const lesson = await createLesson(t.member.client, t.churn.id, { title: 'Original' });
    await t.owner.client.ok('lesson.update', {
      lessonId: lesson.id,
      expectedVersion: 1,
      title: 'First edit',
    });
    const stale = await t.member.client.call('lesson.update', {
      lessonId: lesson.id,
      expectedVersion: 1,
      title: 'Lost edit',
      learnt: 'Lost learnt',
    });
    expect(stale.status).toBe(409);
    expect(stale.error?.data.code).toBe('CONFLICT');
    expect(stale.error?.data.current).toMatchObject({
      id: lesson.id,
      title: 'First edit',
      learnt: lesson.learnt,
      version: 2,
    });
    const row = await db().lesson.findUniqueOrThrow({ where: { id: lesson.id } });
    expect(row).toMatchObject({ title: 'First edit', learnt: lesson.learnt, version: 2 });
    expect(
      await db().activityLog.count({ where: { entityId: lesson.id, action: 'lesson.updated' } }),
    ).toBe(1);
  });

  it('[lessons][update] of two concurrent updates with the same version, exactly one wins', async () => {
    const t = await team();
    for (let round = 0; round < 5; round++) {
      const lesson = await createLesson(t.member.client, t.churn.id, { title: `Race ${round}` });
      const results = await Promise.all(
        [t.member, t.owner].map((person, i) =>
          person.client.call('lesson.update', {
            lessonId: lesson.id,
            expectedVersion: 1,
            title: `Writer ${i}`,
          }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.ok)!.data;
      const loser = results.find((r) => !r.ok)!;
      expect(loser.error?.data.current).toMatchObject({ title: winner.title, version: 2 });
      const row = await db().lesson.findUniqueOrThrow({ where: { id: lesson.id } });
      expect(row).toMatchObject({ title: winner.title, version: 2 });
      expect(
        await db().activityLog.count({ where: { entityId: lesson.id, action: 'lesson.updated' } }),
      ).toBe(1);
    }
  });

  it('[lessons][viewer] cannot update a lesson', async () => {
    const t = await team();
    const lesson = await createLesson(t.member.client, t.churn.id);
    const result = await t.viewer.client.call('lesson.update', {
      lessonId: lesson.id,
      expectedVersion: 1,
      title: 'Viewer edit',
    });
    expect(result.status).toBe(403);
    expect((await db().lesson.findUniqueOrThrow({ where: { id: lesson.id } })).version).toBe(1);
  });
});

describe('[lessons][delete] soft delete', () => {
  it('[lessons][delete] the lesson is gone from get, list, search, tags and forStage, but the row stays', async () => {
    const t = await team();
    const keep = await createLesson(t.member.client, t.fraud.id, {
      stageKey: 'data',
      title: 'Kept lesson about leakage',
      tags: ['leakage'],
    });
    const doomed = await createLesson(t.member.client, t.churn.id, {
      stageKey: 'data',
      title: 'Doomed lesson about leakage',
      tags: ['leakage', 'doomed'],
    });
    const stale = await t.member.client.call('lesson.delete', {
      lessonId: doomed.id,
      expectedVersion: 7,
    });
    expect(stale.status).toBe(409);
    const deleted = await t.member.client.ok('lesson.delete', {
      lessonId: doomed.id,
      expectedVersion: 1,
    });
    expect(deleted).toMatchObject({ id: doomed.id, version: 2 });

    const viewer = t.viewer.client;
    expect((await viewer.call('lesson.get', { lessonId: doomed.id })).status).toBe(404);
    const listed = await viewer.ok('lesson.list', { workspaceId: t.workspaceId });
    expect(listed.items.map((l) => l.id)).toEqual([keep.id]);
    const searched = await viewer.ok('lesson.list', {
      workspaceId: t.workspaceId,
      q: 'leakage',
    });
    expect(searched.items.map((l) => l.id)).toEqual([keep.id]);
    const tags = await viewer.ok('lesson.tags', {
      workspaceId: t.workspaceId,
    });
    expect(tags).toEqual([{ tag: 'leakage', count: 1 }]);
    const forStage = await viewer.ok('lesson.forStage', {
      workspaceId: t.workspaceId,
      stageKey: 'data',
    });
    expect(forStage.map((l) => l.id)).toEqual([keep.id]);
    // Deleted lessons cannot be edited or deleted again.
    expect(
      (await t.member.client.call('lesson.update', { lessonId: doomed.id, expectedVersion: 2 }))
        .status,
    ).toBe(404);
    expect(
      (await t.member.client.call('lesson.delete', { lessonId: doomed.id, expectedVersion: 2 }))
        .status,
    ).toBe(404);

    const row = await db().lesson.findUniqueOrThrow({ where: { id: doomed.id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.title).toBe('Doomed lesson about leakage');
  });

  it('[lessons][member] cannot delete someone else’s lesson; the author and an admin can', async () => {
    const t = await team();
    const owners = await createLesson(t.owner.client, t.churn.id, { title: 'Owner’s lesson' });
    const refused = await t.member.client.call('lesson.delete', {
      lessonId: owners.id,
      expectedVersion: 1,
    });
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toMatch(/author or an admin/);
    expect(
      (await db().lesson.findUniqueOrThrow({ where: { id: owners.id } })).deletedAt,
    ).toBeNull();

    const own = await createLesson(t.member.client, t.churn.id, { title: 'Member’s lesson' });
    await t.member.client.ok('lesson.delete', { lessonId: own.id, expectedVersion: 1 });
    await t.admin.client.ok('lesson.delete', { lessonId: owners.id, expectedVersion: 1 });
    const viewers = await createLesson(t.member.client, t.churn.id);
    expect(
      (await t.viewer.client.call('lesson.delete', { lessonId: viewers.id, expectedVersion: 1 }))
        .status,
    ).toBe(403);
  });
});

describe('[lessons][search] full-text search', () => {
  let t: Awaited<ReturnType<typeof team>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await team('Search team');
    const make = async (key: string, overrides: Partial<ProcedureInput<'lesson.create'>>) => {
      ids[key] = (await createLesson(t.member.client, t.churn.id, overrides)).id;
    };
    await make('inTitle', {
      title: 'Overfit everywhere',
      tried: 'A deep network on a small tabular set.',
      happened: 'Validation loss went up after a few epochs.',
      learnt: 'Start with gradient boosting.',
    });
    await make('inLearnt', {
      title: 'Dropout tuning',
      tried: 'Tuning dropout by hand.',
      happened: 'Results were noisy.',
      learnt: 'Without early stopping the model will overfit.',
    });
    await make('inTried', {
      title: 'Feature store migration',
      tried: 'We let the model overfit the holdout by peeking at it.',
      happened: 'Production metrics were far below offline ones.',
      learnt: 'Keep a locked test set.',
    });
    await make('regularisation', {
      title: 'Weight decay',
      tried: 'Larger batches.',
      happened: 'Slower convergence.',
      learnt: 'Regularisation needs retuning when the batch size changes.',
    });
    await make('html', {
      title: '<script>alert("overfit")</script> <mark>fake</mark> & overfit',
      tried:
        'We overfit again after pasting <img src=x onerror=alert(1)> and &lt;b&gt; from a wiki.',
      happened: 'Nothing.',
      learnt: 'Escape everything.',
    });
    await make('phrase', {
      title: 'Class weights',
      tried: 'Class weights instead of SMOTE.',
      happened: 'Recall improved.',
      learnt: 'Prefer class weights.',
    });
  });

  const search = (q: string, extra: Partial<ProcedureInput<'lesson.list'>> = {}) =>
    t.viewer.client.ok('lesson.list', { workspaceId: t.workspaceId, q, ...extra });

  it('[lessons][search] finds a lesson by a word in learnt or tried, with stemming', async () => {
    const overfitting = await search('overfitting');
    const found = overfitting.items.map((l) => l.id);
    expect(found).toEqual(expect.arrayContaining([ids.inLearnt, ids.inTried, ids.inTitle]));
    expect(found).not.toContain(ids.regularisation);
    const stemmed = await search('regularise'); // "Regularisation" in learnt
    expect(stemmed.items.map((l) => l.id)).toEqual([ids.regularisation]);
    expect((await search('locked')).items.map((l) => l.id)).toEqual([ids.inTried]);
  });

  it('[lessons][search] ranks a title match above a learnt match above a tried match', async () => {
    const result = await search('overfitting');
    const order = result.items.map((l) => l.id);
    expect(order.indexOf(ids.inTitle!)).toBeLessThan(order.indexOf(ids.inLearnt!));
    expect(order.indexOf(ids.inLearnt!)).toBeLessThan(order.indexOf(ids.inTried!));
    const ranks = result.items.map((l) => l.match!.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it('[lessons][search] returns the title and a snippet as highlighted parts', async () => {
    const result = await search('overfitting');
    const inTried = result.items.find((l) => l.id === ids.inTried)!;
    expect(matched(inTried.match!.snippet)).toEqual(['overfit']);
    expect(text(inTried.match!.snippet)).toContain('We let the model overfit the holdout');
    expect(text(inTried.match!.title)).toBe('Feature store migration');
    expect(matched(inTried.match!.title)).toEqual([]);
    const inTitle = result.items.find((l) => l.id === ids.inTitle)!;
    expect(inTitle.match!.title).toEqual([
      { text: 'Overfit', match: true },
      { text: ' everywhere', match: false },
    ]);
    // A list without q carries no match.
    const plain = await t.viewer.client.ok('lesson.list', { workspaceId: t.workspaceId });
    expect(plain.items.every((l) => l.match === null)).toBe(true);
  });

  it('[lessons][search] HTML in lesson text comes back as plain-text parts, never as markup', async () => {
    const result = await search('overfit');
    const hit = result.items.find((l) => l.id === ids.html)!;
    const title = '<script>alert("overfit")</script> <mark>fake</mark> & overfit';
    // The parts spell the title exactly: nothing added, nothing interpreted.
    expect(text(hit.match!.title)).toBe(title);
    expect(matched(hit.match!.title)).toEqual(['overfit', 'overfit']);
    // The user's own <mark> is text, not a highlight.
    expect(hit.match!.title.some((p) => p.match && /fake|</.test(p.text))).toBe(false);
    const snippet = text(hit.match!.snippet);
    expect(snippet).toContain('<img src=x onerror=alert(1)>');
    expect(snippet).toContain('&lt;b&gt;'); // what the user typed, not decoded
    expect(matched(hit.match!.snippet)).toEqual(['overfit']);
    // No part carries the highlighter's markup: the only <mark> is the user's.
    expect(text(hit.match!.title).match(/<\/?mark>/g)).toEqual(['<mark>', '</mark>']);
    expect(snippet).not.toMatch(/<\/?mark>/);
  });

  it('[lessons][search] understands web-search syntax and odd input', async () => {
    expect((await search('"class weights" -dropout')).items.map((l) => l.id)).toEqual([ids.phrase]);
    expect((await search('overfit -network')).items.map((l) => l.id)).not.toContain(ids.inTitle);
    expect((await search('the and of')).items).toEqual([]); // only stop words
    for (const odd of ["'; DROP TABLE lessons; --", '"unbalanced', '-', '(((', '!!&|', '💥']) {
      const result = await t.viewer.client.call('lesson.list', {
        workspaceId: t.workspaceId,
        q: odd,
      });
      expect(result.status, odd).toBe(200);
    }
    // Blank q is no search.
    const blank = await search('   ');
    expect(blank.items.length).toBe(Object.keys(ids).length);
    expect(blank.items.every((l) => l.match === null)).toBe(true);
    expect(await db().lesson.count({ where: { workspaceId: t.workspaceId } })).toBe(
      Object.keys(ids).length,
    );
  });

  it('[lessons][search] combines with project, stage and tag filters', async () => {
    const other = await createLesson(t.member.client, t.fraud.id, {
      stageKey: 'data',
      title: 'Overfit in fraud',
      tags: ['fraud'],
    });
    const inFraud = await search('overfit', { projectId: t.fraud.id });
    expect(inFraud.items.map((l) => l.id)).toEqual([other.id]);
    const inStage = await search('overfit', { stageKey: 'data' });
    expect(inStage.items.map((l) => l.id)).toEqual([other.id]);
    const tagged = await search('overfit', { tag: ' FRAUD ' });
    expect(tagged.items.map((l) => l.id)).toEqual([other.id]);
    await t.member.client.ok('lesson.delete', { lessonId: other.id, expectedVersion: 1 });
  });
});

describe('[lessons][tags] tags and the tag filter', () => {
  it('[lessons][tags] counts tags across projects, most used first then by name; the filter lists only tagged lessons', async () => {
    const t = await team();
    const a = await createLesson(t.member.client, t.churn.id, { tags: ['drift', 'NLP'] });
    const b = await createLesson(t.member.client, t.fraud.id, { tags: ['drift', 'cv'] });
    const c = await createLesson(t.owner.client, t.fraud.id, { tags: ['Drift', 'nlp', 'ab'] });
    await createLesson(t.owner.client, t.churn.id, { tags: [] });
    const tags = await t.viewer.client.ok('lesson.tags', {
      workspaceId: t.workspaceId,
    });
    expect(tags).toEqual([
      { tag: 'drift', count: 3 },
      { tag: 'nlp', count: 2 },
      { tag: 'ab', count: 1 },
      { tag: 'cv', count: 1 },
    ]);
    const limited = await t.viewer.client.ok('lesson.tags', {
      workspaceId: t.workspaceId,
      limit: 2,
    });
    expect(limited).toEqual(tags.slice(0, 2));
    const nlp = await t.viewer.client.ok('lesson.list', {
      workspaceId: t.workspaceId,
      tag: 'NLP',
    });
    expect(nlp.items.map((l) => l.id)).toEqual([c.id, a.id]);
    const drift = await t.viewer.client.ok('lesson.list', {
      workspaceId: t.workspaceId,
      tag: 'drift',
      projectId: t.fraud.id,
    });
    expect(drift.items.map((l) => l.id)).toEqual([c.id, b.id]);
    const none = await t.viewer.client.ok('lesson.list', {
      workspaceId: t.workspaceId,
      tag: 'unused',
    });
    expect(none.items).toEqual([]);
  });
});

describe('[lessons][forStage] lessons other projects logged in a stage', () => {
  it('[lessons][forStage] lists the stage’s lessons from other projects: newest day first, then most tags, capped at 20', async () => {
    const t = await team();
    const third = await t.owner.client.ok('project.create', {
      workspaceId: t.workspaceId,
      name: 'Recommender',
      templateId: (await builtInTemplates(db())).v1,
    });
    const at = async (lesson: Lesson, iso: string) => {
      await db().lesson.update({ where: { id: lesson.id }, data: { createdAt: new Date(iso) } });
      return lesson.id;
    };
    const mk = (projectId: string, tags: string[], stageKey = 'data') =>
      createLesson(t.member.client, projectId, { stageKey, tags });
    // Day 2 (newest): a one-tag lesson written late, a three-tag lesson early.
    const lateFewTags = await at(await mk(t.fraud.id, ['a']), '2026-03-02T22:00:00Z');
    const earlyManyTags = await at(await mk(third.id, ['a', 'b', 'c']), '2026-03-02T01:00:00Z');
    const sameTagsLater = await at(await mk(t.fraud.id, ['x', 'y']), '2026-03-02T12:00:00Z');
    const sameTagsEarlier = await at(await mk(third.id, ['p', 'q']), '2026-03-02T11:00:00Z');
    // Day 1: many tags cannot lift an older lesson above a newer day.
    const olderManyTags = await at(
      await mk(t.fraud.id, ['1', '2', '3', '4', '5']),
      '2026-03-01T23:00:00Z',
    );
    // Excluded: the asking project's own, another stage's, a deleted one.
    await at(await mk(t.churn.id, ['own']), '2026-03-02T23:00:00Z');
    await at(await mk(t.fraud.id, ['model'], 'modelling'), '2026-03-02T23:00:00Z');
    const deleted = await mk(third.id, ['gone']);
    await t.member.client.ok('lesson.delete', { lessonId: deleted.id, expectedVersion: 1 });

    const forStage = await t.viewer.client.ok('lesson.forStage', {
      workspaceId: t.workspaceId,
      stageKey: 'data',
      excludeProjectId: t.churn.id,
    });
    expect(forStage.map((l) => l.id)).toEqual([
      earlyManyTags,
      sameTagsLater,
      sameTagsEarlier,
      lateFewTags,
      olderManyTags,
    ]);
    expect(forStage.every((l) => l.stageKey === 'data' && l.project.id !== t.churn.id)).toBe(true);
    const withOwn = await t.viewer.client.ok('lesson.forStage', {
      workspaceId: t.workspaceId,
      stageKey: 'data',
    });
    expect(withOwn.length).toBe(6);
    expect(withOwn.some((l) => l.project.id === t.churn.id)).toBe(true);

    for (let i = 0; i < 20; i++) await mk(third.id, []);
    const capped = await t.viewer.client.ok('lesson.forStage', {
      workspaceId: t.workspaceId,
      stageKey: 'data',
      excludeProjectId: t.churn.id,
    });
    expect(capped.length).toBe(20);
    expect(
      (
        await t.viewer.client.ok('lesson.forStage', {
          workspaceId: t.workspaceId,
          stageKey: 'no-such-stage',
        })
      ).length,
    ).toBe(0);
  });
});

describe('[lessons][list] pagination', () => {
  it('[lessons][list] walks every page newest first, with no duplicates or gaps', async () => {
    const t = await team();
    for (let i = 0; i < 23; i++) {
      await createLesson(
        i % 2 ? t.member.client : t.owner.client,
        i % 3 ? t.churn.id : t.fraud.id,
        {
          title: `Lesson ${i}`,
        },
      );
    }
    // Two lessons written in the same millisecond: the id breaks the tie.
    const rows = await db().lesson.findMany({
      where: { workspaceId: t.workspaceId },
      orderBy: { id: 'asc' },
      take: 2,
    });
    await db().lesson.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { createdAt: new Date('2026-02-01T00:00:00Z') },
    });
    const expected = (
      await db().lesson.findMany({
        where: { workspaceId: t.workspaceId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { id: true },
      })
    ).map((r) => r.id);
    const pages = await walk(t.viewer.client, { workspaceId: t.workspaceId, limit: 5 });
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    const walked = pages.flat().map((l) => l.id);
    expect(new Set(walked).size).toBe(23);
    expect(walked).toEqual(expected);

    const inProject = await walk(t.viewer.client, {
      workspaceId: t.workspaceId,
      projectId: t.fraud.id,
      limit: 3,
    });
    expect(inProject.flat().length).toBe(8);
    expect(inProject.flat().every((l) => l.project.id === t.fraud.id)).toBe(true);

    const all = await t.viewer.client.ok('lesson.list', { workspaceId: t.workspaceId });
    expect(all.items.length).toBe(23);
    expect(all.nextCursor).toBeNull();
  });

  it('[lessons][search] pages through ranked results with no duplicates or gaps', async () => {
    const t = await team();
    for (let i = 0; i < 14; i++) {
      const times = (i % 3) + 1; // ranks tie in threes
      await createLesson(t.member.client, t.churn.id, {
        title: `Batch ${i}`,
        tried: Array.from({ length: times }, () => 'the data drifted').join('; '),
        learnt: i % 5 === 0 ? 'Monitor drift.' : 'Keep notes.',
      });
    }
    const single = await t.viewer.client.ok('lesson.list', {
      workspaceId: t.workspaceId,
      q: 'drift',
      limit: 100,
    });
    expect(single.items.length).toBe(14);
    expect(single.nextCursor).toBeNull();
    const pages = await walk(t.viewer.client, { workspaceId: t.workspaceId, q: 'drift', limit: 4 });
    expect(pages.map((p) => p.length)).toEqual([4, 4, 4, 2]);
    expect(pages.flat().map((l) => l.id)).toEqual(single.items.map((l) => l.id));
  });

  it('[lessons][list] refuses a page size over 100, a forged cursor, and a cursor of the other kind', async () => {
    const t = await team();
    for (let i = 0; i < 3; i++)
      await createLesson(t.member.client, t.churn.id, { title: `Drift ${i}` });
    const tooBig = await t.viewer.client.call('lesson.list', {
      workspaceId: t.workspaceId,
      limit: 101,
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.error?.data.fieldErrors?.limit).toBeDefined();
    for (const cursor of [
      'nonsense',
      Buffer.from('{"k":"t","t":"x","id":"y"}').toString('base64url'),
    ]) {
      const forged = await t.viewer.client.call('lesson.list', {
        workspaceId: t.workspaceId,
        cursor,
      });
      expect(forged.status).toBe(400);
    }
    const plain = await t.viewer.client.ok('lesson.list', {
      workspaceId: t.workspaceId,
      limit: 1,
    });
    const mixed = await t.viewer.client.call('lesson.list', {
      workspaceId: t.workspaceId,
      q: 'drift',
      cursor: plain.nextCursor!,
    });
    expect(mixed.status).toBe(400);
    expect(mixed.error?.message).toMatch(/cursor/);
  });
});

describe('[lessons][tenancy] another workspace’s lessons never leak', () => {
  it('[lessons][tenancy] list, search, tags and forStage show none of them; their ids are NOT_FOUND', async () => {
    const ours = await team('Ours');
    const theirs = await team('Theirs');
    const MARKER = 'zanzibarmarker';
    const foreign = await createLesson(theirs.member.client, theirs.churn.id, {
      stageKey: 'data',
      title: `Overfit ${MARKER} title`,
      tried: `Tried ${MARKER} overfit`,
      happened: `Happened ${MARKER}`,
      learnt: `Learnt ${MARKER} about overfitting`,
      tags: [MARKER, 'overfit'],
    });
    await createLesson(ours.member.client, ours.churn.id, {
      stageKey: 'data',
      title: 'Our overfit lesson',
      tags: ['overfit'],
    });
    const responses = [
      await ours.viewer.client.ok('lesson.list', { workspaceId: ours.workspaceId }),
      await ours.viewer.client.ok('lesson.list', { workspaceId: ours.workspaceId, q: MARKER }),
      await ours.viewer.client.ok('lesson.list', { workspaceId: ours.workspaceId, q: 'overfit' }),
      await ours.viewer.client.ok('lesson.list', { workspaceId: ours.workspaceId, tag: MARKER }),
      await ours.viewer.client.ok('lesson.tags', { workspaceId: ours.workspaceId }),
      await ours.viewer.client.ok('lesson.forStage', {
        workspaceId: ours.workspaceId,
        stageKey: 'data',
      }),
    ] as const;
    for (const response of responses) expect(JSON.stringify(response)).not.toContain(MARKER);
    const overfit = responses[2];
    expect(overfit.items.length).toBe(1);
    const tags = responses[4];
    expect(tags).toEqual([{ tag: 'overfit', count: 1 }]);

    const client = ours.owner.client;
    const byId = [
      await client.call('lesson.get', { lessonId: foreign.id }),
      await client.call('lesson.update', { lessonId: foreign.id, expectedVersion: 1, title: 'x' }),
      await client.call('lesson.delete', { lessonId: foreign.id, expectedVersion: 1 }),
      await client.call('lesson.list', {
        workspaceId: ours.workspaceId,
        projectId: theirs.churn.id,
      }),
      await client.call('lesson.list', { workspaceId: theirs.workspaceId }),
      await client.call('lesson.tags', { workspaceId: theirs.workspaceId }),
      await client.call('lesson.forStage', { workspaceId: theirs.workspaceId, stageKey: 'data' }),
      await client.call('lesson.create', lessonInput(theirs.churn.id)),
    ];
    expect(byId.map((r: CallResult) => r.status)).toEqual(Array(byId.length).fill(404));
    for (const r of byId) expect(JSON.stringify(r.error)).not.toContain(MARKER);
    const row = await db().lesson.findUniqueOrThrow({ where: { id: foreign.id } });
    expect(row).toMatchObject({ version: 1, deletedAt: null });
  });
});

describe('[lessons][authz] lesson and activity procedures × roles', () => {
  let users: MatrixUsers;
  beforeAll(async () => {
    users = await createMatrixUsers(url(), new ApiClient(url()));
  });

  const rank: Record<string, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };
  function expected(access: Access, role: MatrixRole): 'allowed' | 401 | 403 | 404 {
    if (role === 'anonymous') return 401;
    if (access === 'public' || access === 'authed') return 'allowed';
    if (role === 'outsider') return 404;
    return rank[role]! >= rank[access]! ? 'allowed' : 403;
  }

  it('[lessons][authz] each role gets exactly what its row allows', async () => {
    const failures: string[] = [];
    for (const [path, row] of Object.entries(lessonAuthorizationRows)) {
      for (const role of MATRIX_ROLES) {
        const base = await createFixture(db(), users);
        const fixture = {
          ...base,
          ...(await createFixtureLesson(db(), {
            workspaceId: base.workspaceId,
            projectId: base.projectId,
            authorId: users.ids.MEMBER,
          })),
        };
        const result = await users.clients[role].callRaw(path, row.input(fixture, role));
        const want = expected(row.access, role);
        if (want === 'allowed') {
          if (result.status !== 200) failures.push(`${path} as ${role}: got ${result.status}`);
        } else if (result.status !== want) {
          failures.push(`${path} as ${role}: wanted ${want}, got ${result.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
