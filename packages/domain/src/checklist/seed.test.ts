import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenTemplate } from './flatten';
import { parseChecklistMarkdown } from './parse';
import type { TParsedTemplate } from './schema';
import { allItems, findItem } from './test-support';
import { planUpgrade } from './upgrade';

function readSeed(edition: 'v1' | 'v2'): string {
  return readFileSync(new URL(`./seed/ml-e2e-checklist-${edition}.md`, import.meta.url), 'utf8');
}

const v1 = parseChecklistMarkdown(readSeed('v1'));
const v2 = parseChecklistMarkdown(readSeed('v2'));

/** [key, title, top-level items, all items] per stage. */
function stageShape(template: TParsedTemplate): Array<[string, string, number, number]> {
  const rows = flattenTemplate(template);
  return template.stages.map((stage) => [
    stage.key,
    stage.title,
    stage.items.length,
    rows.filter((row) => row.stageKey === stage.key).length,
  ]);
}

const MOJIBAKE_MARKERS = ['ğŸ', 'üì', '‚Ä', 'Ã', '\ufffd'];

function expectNoMojibake(template: TParsedTemplate): void {
  const titles = [
    template.title,
    ...template.stages.map((stage) => stage.title),
    ...allItems(template).map((item) => item.title),
  ];
  for (const title of titles) {
    for (const marker of MOJIBAKE_MARKERS) expect(title, title).not.toContain(marker);
  }
}

describe('seed v1 (Windows-1254 mojibake, some bytes lost)', () => {
  it('has the pinned stages and item counts', () => {
    expect(v1.title).toBe('Checklist-4-ML-E2E-Projects');
    expect(stageShape(v1)).toEqual([
      ['scoping', 'Scoping', 7, 7],
      ['data', 'Data', 9, 15],
      ['programming', 'Programming', 6, 17],
      ['modelling', 'Modelling', 12, 25],
      ['deployment', 'Deployment', 5, 23],
      ['responsabile-ai', 'Responsabile AI', 4, 4],
      ['continuous', 'Continuous (MLOps)', 5, 5],
    ]);
    expect(flattenTemplate(v1)).toHaveLength(96);
  });

  it('repairs the emoji it can and drops those that lost a byte from titles', () => {
    expect(v1.stages[0]!.items.map((item) => item.title).slice(0, 3)).toEqual([
      '❓ What is the project main objective?',
      '❓ Which part of the main objective a ML model is addressing?',
      '📈📉 Establish a baseline against which your ML will be considered an successful (an improvement against the baseline)',
    ]);
    expect(
      findItem(v1, 'scoping/talk-to-the-domain-expertes-they-are-those-with-the-domain').title,
    ).toBe('🗣️ Talk to the domain expertes, they are those with the domain knowledge');
    expect(v1.stages[5]!.items.map((item) => item.title)).toEqual([
      '👩 Explainability',
      'Security',
      '⚖️ Fairness',
      '👮‍♀️ Auditability',
    ]);
    expect(findItem(v1, 'modelling/create-a-baseline-model').title).toBe('Create a baseline model');
    expectNoMojibake(v1);
  });

  it('keeps links and nesting', () => {
    expect(
      findItem(v1, 'scoping/establish-a-baseline-against-which-your-ml-will-be-considered-an')
        .links,
    ).toEqual([{ label: 'baseline', url: 'https://blog.ml.cmu.edu/2020/08/31/3-baselines/' }]);
    const kubernetes = findItem(v1, 'deployment/kubernetes-cluster');
    expect(kubernetes.children.map((child) => [child.title, child.children.length])).toEqual([
      ['Cloud vendors', 3],
      ['Local machine', 3],
    ]);
    expect(findItem(v1, 'deployment/kubernetes-cluster/cloud-vendors').options).toEqual([
      'EKS by Amazon',
      'AKS by Microsoft',
      'GKS by Google',
    ]);
    expect(findItem(v1, 'programming/code-versionning')).toMatchObject({
      title: 'Code versionning',
      options: ['GitHub', 'GitLab'],
      children: [
        { title: 'GitHub', links: [{ label: 'GitHub', url: 'https://github.com/' }] },
        { title: 'GitLab', links: [{ label: 'GitLab', url: 'https://about.gitlab.com/' }] },
      ],
    });
  });
});

describe('seed v2 (Mac Roman mojibake)', () => {
  it('has the pinned stages and item counts', () => {
    expect(v2.title).toBe('Checklist-4-ML-E2E-Projects');
    // "Striving to", "Project template" and "Infrastructure" are notes the table of contents
    // leaves out; "Table of contents" and "Other checklists" have no checklist entries.
    expect(stageShape(v2)).toEqual([
      ['scoping', 'Scoping (Project Managment)', 21, 51],
      ['product', 'Product', 3, 3],
      ['version-control', 'Version control', 3, 3],
      ['environment-package-and-project-manager', 'Environment, Package and Project Manager', 3, 3],
      ['data', 'Data', 21, 104],
      ['data-engineering', 'Data Engineering', 5, 19],
      ['programming', 'Programming (focused on python)', 18, 77],
      ['modelling', 'Modelling', 32, 111],
      ['deployment', 'Deployment', 10, 59],
      ['responsabile-ai', 'Responsabile AI', 9, 11],
      ['continuous', 'Continuous (MLOps)', 4, 26],
      ['architecture', 'Architecture', 2, 12],
      [
        'what-a-data-scientist-should-know-about-mlops',
        'What a Data Scientist should know about MLOps',
        10,
        10,
      ],
    ]);
    expect(flattenTemplate(v2)).toHaveLength(489);
    expect(v2.stages.find((stage) => stage.key === 'continuous')!.description).toBe(
      'This section is concerned with all those aspects that are repetitive in their nature and help deliver and maintain a ML-based solution.',
    );
  });

  it('repairs every emoji and punctuation mark', () => {
    expectNoMojibake(v2);
    expect(v2.stages[0]!.items[1]!.title).toBe(
      '🏦 BI (Business Intelligence) Tools involves the functions, strategies, and tools companies use to collect, process, and analyze data. These tools can help framing the problem',
    );
    expect(
      findItem(v2, 'scoping/frameworks-like-aaarrrg-g-growth-to-identify-your-funnel-kpis')
        .children[0]!,
    ).toMatchObject({
      key: 'scoping/frameworks-like-aaarrrg-g-growth-to-identify-your-funnel-kpis/awareness-how-does-the-product-get-discovered',
      title: '𝗔𝘄𝗮𝗿𝗲𝗻𝗲𝘀𝘀 - How does the product get discovered?',
    });
    expect(
      findItem(v2, 'data/data-ingestion-wrangling/polars-an-optimised-version-of-pandas').title,
    ).toBe('🐻‍❄️ Polars an optimised version of Pandas.');
    expect(
      findItem(
        v2,
        'programming/code-obfuscation/python-minifier-it-minifies-the-code-and-obfuscates-function',
      ).title,
    ).toBe('python-minifier — It minifies the code and obfuscates function/variable names.');
  });

  it('separates titles, bodies, links and options', () => {
    expect(findItem(v2, 'data/data-versioning-available-tools')).toMatchObject({
      title: 'Data versioning. Available tools',
      options: [
        'DVC',
        'DAGsHub',
        'Activeloop',
        'Modelstore',
        'ModelDB',
        'lakeFS',
        'Pachyderm',
        'Neptune',
      ],
    });
    expect(findItem(v2, 'data/data-versioning-available-tools/dvc')).toEqual({
      key: 'data/data-versioning-available-tools/dvc',
      title: 'DVC',
      links: [
        { label: 'DVC', url: 'https://dvc.org/' },
        {
          label: 'Notes',
          url: 'https://github.com/kyaiooiayk/MLOps-Machine-Learning-Operations/tree/master/tutorials/VCS/DVC',
        },
      ],
      children: [],
    });
    expect(findItem(v2, 'programming/linters-formatter')).toMatchObject({
      title: 'Linters & Formatter',
      body: 'Linter is there to catch potential bugs and issues, whereas a formatter is there to enforce a consistent code style and format.',
      links: [{ label: 'Notes #1' }, { label: 'Notes #2' }],
    });
    expect(findItem(v2, 'programming/linters-formatter').options).toHaveLength(15);
    expect(findItem(v2, 'deployment/kubernets-cluster')).toMatchObject({
      title: 'Kubernets cluster',
      links: [
        { label: 'Kubernets', url: 'https://kubernetes.io/' },
        { label: 'Notes', url: 'https://github.com/kyaiooiayk/Kubernetes-Notes' },
      ],
    });
    expect(findItem(v2, 'modelling/modell-complexity')).toMatchObject({
      title: 'Modell complexity',
      body: 'O(N^3) | O(LogN) | O(N)',
      links: [{ label: 'Notes' }, { label: 'Tutorials' }],
    });
    expect(findItem(v2, 'product/mvp')).toMatchObject({
      title: 'MVP',
      body: 'Focuses on core functionality for early validation.',
    });
    expect(findItem(v2, 'deployment/restful-api').children.map((child) => child.title)).toEqual([
      'Django',
      'Flask',
      'Node.js | Notes',
      'Express.js | Notes',
      'React',
      'Redis',
      'FastAPI',
      'Streamlit',
      'Electron',
      'Dash',
      'Gradio',
    ]);
  });

  it('never lets HTML wrappers or code into titles', () => {
    for (const item of allItems(v2)) {
      expect(item.title).not.toMatch(/<\/?(?:details|summary|br|ins)\b|```|Expand ⬇/u);
    }
  });
});

describe('v1 → v2', () => {
  it('shares the keys of the stages both editions have', () => {
    const v2Keys = new Set(v2.stages.map((stage) => stage.key));
    expect(v1.stages.map((stage) => stage.key).filter((key) => v2Keys.has(key))).toEqual([
      'scoping',
      'data',
      'programming',
      'modelling',
      'deployment',
      'responsabile-ai',
      'continuous',
    ]);
  });

  it('upgrades a v1 project onto v2 keeping most items', () => {
    const current = flattenTemplate(v1).map((row) => ({
      id: `id:${row.key}`,
      key: row.key,
      stageKey: row.stageKey,
      parentKey: row.parentKey,
      title: row.title,
      hasProgress: row.depth === 0,
      isCustom: false,
    }));
    const plan = planUpgrade({ current, target: v2 });
    expect(plan.matched.length).toBeGreaterThanOrEqual(85);
    expect(plan.matched.filter((match) => match.by === 'key').length).toBeGreaterThanOrEqual(45);
    expect(plan.matched.length + plan.removed.length).toBe(96);
    expect(plan.added.length).toBe(489 - plan.matched.length);
    const byId = new Map(plan.matched.map((match) => [match.id, match]));
    expect(byId.get('id:data/data-versioning')).toMatchObject({
      targetKey: 'data/data-versioning-available-tools',
      by: 'title',
      uncertain: false,
    });
    expect(byId.get('id:deployment/kubernetes-cluster')).toMatchObject({
      targetKey: 'deployment/kubernets-cluster',
      by: 'title',
    });
    expect(
      plan.removed.find(
        (removal) =>
          removal.key ===
          'modelling/model-serialisation-aka-model-persistence-deserialisation/skpops',
      ),
    ).toMatchObject({
      title: 'skpops',
      keep: false,
    });
    expect(planUpgrade({ current, target: v2 })).toEqual(plan);
  });
});
