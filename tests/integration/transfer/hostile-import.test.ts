// Import refuses newer, malformed and hostile documents with a 400 that says
// why, and writes nothing; exports are safe to open in a spreadsheet.
import { beforeAll, describe, expect, it } from 'vitest';
import { TRANSFER_LIMITS, type TProjectDocumentJson } from '@shipshape/domain';
import { useTestServer } from '../../support/server';
import { exportJson, parseCsv, richProject, type RichProject } from '../../support/transfer';

const server = useTestServer();
let source: RichProject;
let original: TProjectDocumentJson;
let targetId: string;

beforeAll(async () => {
  source = await richProject(server.current, { owner: 'olivia.hostile@ex.test' });
  original = await exportJson(source.owner.client, source.projectId);
  targetId = (await source.owner.client.ok('workspace.create', { name: 'Target' })).id;
}, 60_000);

/** Rows of every table an import writes to. */
async function rowCounts() {
  const db = server.current.database.db;
  return {
    projects: await db.project.count(),
    items: await db.projectItem.count(),
    templates: await db.checklistTemplate.count(),
    comments: await db.comment.count(),
    measurements: await db.kpiMeasurement.count(),
    lessons: await db.lesson.count(),
    activity: await db.activityLog.count(),
  };
}

function changed(
  mutate: (document: TProjectDocumentJson & Record<string, unknown>) => void,
): string {
  const copy = structuredClone(original) as TProjectDocumentJson & Record<string, unknown>;
  mutate(copy);
  return JSON.stringify(copy);
}

async function refused(document: string, message: RegExp) {
  const before = await rowCounts();
  const result = await source.owner.client.call('project.import', {
    workspaceId: targetId,
    document,
  });
  expect(result.status, JSON.stringify(result.error)).toBe(400);
  expect(result.error?.message).toMatch(message);
  expect(result.error?.message).not.toMatch(/prisma|postgres|\bat .+\.ts:\d+/i);
  expect(await rowCounts()).toEqual(before);
}

const items = (d: TProjectDocumentJson) => d.project.items as Array<Record<string, unknown>>;

describe('[transfer][import] refusals', () => {
  it('a document from a newer Shipshape names both versions', async () => {
    await refused(
      changed((d) => {
        (d as { version: number }).version = 2;
      }),
      /^This document was made by a newer Shipshape: format version 2, this server reads up to 1\.$/,
    );
  });

  it('not JSON, not an object, another format, or a workspace document', async () => {
    await refused('{"format": "shipshape.project", ', /not valid JSON/);
    await refused('[1, 2, 3]', /not a JSON object/);
    await refused(
      JSON.stringify({ format: 'trello', version: 1 }),
      /not a Shipshape project document/,
    );
    await refused(
      JSON.stringify({ format: 'shipshape.workspace', version: 1 }),
      /workspace document: import it as a workspace/,
    );
    await refused(
      changed((d) => {
        (d as { version: unknown }).version = '1';
      }),
      /no valid format version/,
    );
  });

  it('wrong types and values the database cannot hold name the field', async () => {
    await refused(
      changed((d) => {
        items(d)[0]!.status = 'FINISHED';
      }),
      /project\.items\.0\.status/,
    );
    await refused(
      changed((d) => {
        items(d)[0]!.dueDate = '0000-01-01';
      }),
      /project\.items\.0\.dueDate/,
    );
    await refused(
      changed((d) => {
        items(d)[0]!.title = 'a\u0000b';
      }),
      /project\.items\.0\.title/,
    );
    await refused(
      changed((d) => {
        d.project.name = 42 as never;
      }),
      /project\.name/,
    );
    await refused(
      changed((d) => {
        d.extra = true;
      }),
      /extra/,
    );
    await refused(
      changed((d) => {
        d.project.kpis[0]!.measurements[0]!.value = 1.7e308;
      }),
      /project\.kpis\.0\.measurements\.0\.value/,
    );
    await refused(
      changed((d) => {
        items(d)[1]!.status = 'NOT_APPLICABLE';
        items(d)[1]!.notApplicableReason = null;
      }),
      /notApplicableReason/,
    );
  });

  it('references that do not hold: unknown parents and stages, repeated keys, a forged template', async () => {
    await refused(
      changed((d) => {
        items(d)[0]!.stageKey = 'nowhere';
      }),
      /stage "nowhere" is not a stage/,
    );
    await refused(
      changed((d) => {
        items(d)[0]!.parentKey = 'ghost';
      }),
      /parent "ghost"/,
    );
    await refused(
      changed((d) => {
        items(d)[1]!.key = items(d)[0]!.key as string;
      }),
      /appears twice/,
    );
    await refused(
      changed((d) => {
        d.project.lessons[0]!.itemKey = 'ghost';
      }),
      /item "ghost"/,
    );
    await refused(
      changed((d) => {
        d.template!.sourceText += '\n- sneaked in';
      }),
      /does not match its contentHash/,
    );
  });

  it('hostile shapes: deep nesting, huge arrays, an oversized document', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    await refused(`{"format":"shipshape.project","version":1,"x":${deep}}`, /nests deeper than 12/);
    const many = changed((d) => {
      const one = items(d)[0]!;
      d.project.items = Array.from({ length: TRANSFER_LIMITS.maxItems + 1 }, (_, i) => ({
        ...one,
        key: `k${i}`,
        evidence: [],
        comments: [],
      })) as never;
    });
    await refused(many, /project\.items/);
    const numbers = `{"format":"shipshape.project","version":1,"project":{"stages":[${'0,'.repeat(1_000_000)}0]}}`;
    await refused(numbers, /not valid/);
    const before = await rowCounts();
    const huge = await source.owner.client.call('project.import', {
      workspaceId: targetId,
      document: ' '.repeat(TRANSFER_LIMITS.maxDocumentChars + 1),
    });
    expect(huge.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('the server still serves after all of them', async () => {
    expect((await fetch(`${server.current.url}/readyz`)).status).toBe(200);
  });
});

describe('[transfer][export] Markdown and CSV', () => {
  it('Markdown: the checklist as a GitHub task list with statuses, N/A reasons and evidence links', async () => {
    const file = await source.member.client.ok('project.export', {
      projectId: source.projectId,
      format: 'markdown',
    });
    expect(file.mimeType).toMatch(/^text\/markdown/);
    expect(file.filename).toBe('churn-prediction.md');
    const md = file.content;
    expect(md).toMatch(/^# Churn = prediction\n/);
    expect(md).toContain('Predict churn; see \\<b\\>notes\\</b\\>');
    expect(md).toContain('## Discovery\n');
    expect(md).toContain('## Launch\n');
    expect(md).toContain('- [ ] Talk to users (To do)\n');
    expect(md).toContain(
      '  - Evidence: [Interview \\[notes\\]](https://docs.example/interviews?id=%281%29)\n',
    );
    expect(md).toContain(
      '  - [x] Write down three quotes (Done, assigned to Mia Member, due 2027-01-31)\n',
    );
    expect(md).toContain('  - [ ] @Ask support for tickets (Blocked)\n');
    expect(md).toContain('- [x] ~~Define success~~ (N/A: Metric set by the business)\n');
    expect(md).toContain('- [ ] Ship it (In progress, assigned to Olivia Owner, due 2027-03-01)\n');
    expect(md).toContain('| Recall | MODEL | % | 61.5 | 80 | 70.25 |');
    expect(md).toContain('- **Surveys did not work**: Call people instead');
  });

  it('CSV of items: formula-like cells are quoted and prefixed, per OWASP', async () => {
    const file = await source.member.client.ok('project.export', {
      projectId: source.projectId,
      format: 'csv-items',
    });
    expect(file.mimeType).toMatch(/^text\/csv/);
    expect(file.content.startsWith('\uFEFFstage,key,parent_key,depth,title,status')).toBe(true);
    expect(file.content).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(file.content).toContain(`"'@Ask support for tickets"`);
    expect(file.content).toContain(`"'-2+3 tickets"`);
    const rows = parseCsv(file.content.slice(1));
    expect(rows).toHaveLength(original.project.items.length);
    const quotes = rows.find((r) => r.title === 'Write down three quotes')!;
    expect(quotes).toMatchObject({
      status: 'DONE',
      depth: '1',
      assignee_email: source.member.user.email,
      due_date: '2027-01-31',
      notes: `'=HYPERLINK("http://evil.example","click")`,
    });
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('CSV of measurements: negative numbers stay numbers, a formula in a note does not run', async () => {
    const file = await source.owner.client.ok('project.export', {
      projectId: source.projectId,
      format: 'csv-measurements',
    });
    const rows = parseCsv(file.content.slice(1));
    expect(rows.map((r) => [r.kpi, r.value, r.note])).toEqual([
      ['Recall', '62', 'first run'],
      ['Recall', '-5', `'=1+1\nsecond line`],
      ['Recall', '70.25', ''],
    ]);
    expect(rows[0]).toMatchObject({ recorded_at: '2026-10-01T10:00:00.000Z', unit: '%' });
  });
});
