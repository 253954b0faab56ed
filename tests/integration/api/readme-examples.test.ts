// The README's REST examples, run as written (with curl and jq) against a real
// API: the KPI value lands, and the CI run is attached as evidence.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signUp } from '../../support/api-client';
import { useTestServer } from '../../support/server';

const server = useTestServer();

function readmeExamples(): string[] {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.split('\n## REST API\n')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

describe('[rest][readme] the curl examples', () => {
  it('record a KPI value and attach a CI run as evidence', async () => {
    const examples = readmeExamples();
    expect(examples).toHaveLength(2);
    const { client } = await signUp(server.current.url);
    const workspace = await client.ok('workspace.create', { name: 'README' });
    const project = await client.ok('project.create', { workspaceId: workspace.id, name: 'P' });
    const kpi = await client.ok('kpi.create', {
      projectId: project.id,
      name: 'Val AUC',
      kind: 'MODEL',
      unit: '',
      direction: 'HIGHER_IS_BETTER',
    });
    const item = (await client.ok('item.list', { projectId: project.id, limit: 1 })).items[0]!;
    const { token } = await client.ok('apiToken.create', {
      workspaceId: workspace.id,
      name: 'CI',
      scopes: ['read', 'write'],
    });
    const env = {
      ...process.env,
      SHIPSHAPE_URL: `${server.current.url}/api/v1`,
      SHIPSHAPE_TOKEN: token,
      KPI_ID: kpi.id,
      VAL_AUC: '0.913',
      RUN_ID: 'r-77',
      ITEM_ID: item.id,
      CI_RUN_URL: 'https://ci.example.test/runs/901',
      CI_RUN_NUMBER: '901',
    };
    for (const example of examples) {
      // The examples set their own URL and token; the test's are already exported.
      // Asynchronously: the API answering curl runs in this very process.
      await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', `export() { :; }\n${example}`], {
        env,
        timeout: 20_000,
      });
    }
    const recorded = await client.ok('kpi.get', { kpiId: kpi.id });
    expect(JSON.stringify(recorded)).toContain('0.913');
    const after = await client.ok('item.get', { itemId: item.id });
    expect(after.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ url: 'https://ci.example.test/runs/901', label: 'CI run #901' }),
      ]),
    );
  });
});
