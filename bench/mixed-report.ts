// The mixed scenario's section of the Markdown report (see mixed.ts).
import type { AfterWrite, MixedMeasures, WorldSummary } from './mixed';
import { connections, mixedProbes, seconds } from './settings';

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
const times = (ratio: number) => `${ratio.toFixed(1)} ×`;

function worldName(world: WorldSummary): string {
  return `${world.projects.toLocaleString('en')} projects × ${world.itemsPerProject} items`;
}

function worldRow(world: WorldSummary, use: string): string {
  return `| ${worldName(world)} | ${world.itemCount.toLocaleString('en')} | ${(world.projects * world.stages).toLocaleString('en')} | ${world.seedSeconds.toFixed(0)} s | ${use} |`;
}

function afterWriteRow(probe: AfterWrite): string {
  return `| ${worldName(probe.world)} | ${ms(probe.afterP50)} | ${ms(probe.afterP95)} | ${ms(probe.repeatP50)} | ${ms(probe.repeatP95)} | ${times(probe.afterP50 / probe.repeatP50)} | ${probe.failedWrites} |`;
}

const afterWriteHeader = [
  '| data | after a write p50 ms | after a write p95 ms | repeated, no write p50 ms | repeated p95 ms | after / repeated (p50) | failed writes |',
  '| --- | --- | --- | --- | --- | --- | --- |',
];

export function mixedSection(m: MixedMeasures): string[] {
  const { readOnly, withWrites, writer } = m;
  const failedReads = (r: { non2xx: number; errors: number }) => r.non2xx + r.errors;
  const worlds = [
    worldRow(m.readersWorld, 'readers, writer, probes'),
    ...m.portfolio.slice(1).map((probe) => worldRow(probe.world, 'probes')),
  ];
  return [
    '## Mixed: readers while a writer updates items (issue 11)',
    '',
    'Every project is created by createProject (the API’s own path: the built-in v2 checklist copied',
    'with one INSERT … SELECT per table, stages included, first stage current, activity recorded); the',
    '49-item projects come from a workspace template holding the first 49 top-level items of v2 (every',
    'stage kept, sub-items dropped). Statuses, owners and due dates are then spread as in the data above.',
    'Each world is its own workspace of one database; the 1 000 × 489 one is seeded after the load runs.',
    '',
    '| data | items | project × stage cells | seeded in | used for |',
    '| --- | --- | --- | --- | --- |',
    ...worlds,
    '',
    `Readers: autocannon, ${connections} connections, ${seconds} s after a 2 s warm-up (none before the run with writes),`,
    `cycling over \`dashboard.workspace\`, \`dashboard.project\` of each of the ${m.distinctReads.projects} projects and`,
    `\`item.list\` of ${m.distinctReads.itemLists} project × stage pairs (a third each).`,
    `Writer: in the same process, offers ${writer.perSecond} \`item.update\`s a second at a fixed rate whatever`,
    'the answers take: a random open item of a random project, toggling TODO ⇄ IN_PROGRESS and writing',
    'a note, on the version its last answer gave (a 409 CONFLICT is a failed write). Same window as the readers.',
    '',
    '| readers | req/s | % of read-only | p50 ms | p99 ms | p50 / read-only | p99 / read-only | failed reads |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    `| no writes | ${readOnly.reqPerSec.toFixed(0)} | 100 % | ${readOnly.p50} | ${readOnly.p99} | 1.0 × | 1.0 × | ${failedReads(readOnly)} |`,
    `| ${writer.perSecond} writes/s offered | ${withWrites.reqPerSec.toFixed(0)} | ${percent(withWrites.reqPerSec / readOnly.reqPerSec)} | ${withWrites.p50} | ${withWrites.p99} | ${times(withWrites.p50 / readOnly.p50)} | ${times(withWrites.p99 / readOnly.p99)} | ${failedReads(withWrites)} |`,
    '',
    '| writer | offered | offered / s | succeeded | 409 CONFLICT | other failures | p50 ms | p99 ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    `| item.update | ${writer.offered} | ${(writer.offered / writer.seconds).toFixed(1)} | ${writer.succeeded} | ${writer.conflicts} | ${writer.otherFailures} | ${ms(writer.p50)} | ${ms(writer.p99)} |`,
    '',
    '### Portfolio right after a write',
    '',
    `${mixedProbes} times, one request at a time: an \`item.update\` (a random project), then \`dashboard.workspace\``,
    'timed, then timed again with no write in between.',
    '',
    ...afterWriteHeader,
    ...m.portfolio.map(afterWriteRow),
    '',
    '### Another project right after a write',
    '',
    `${mixedProbes} times: an \`item.update\` of project A, then \`dashboard.project\` of project B (read before, so`,
    'cached) timed, then timed again with no write in between.',
    '',
    ...afterWriteHeader,
    ...m.otherProject.map(afterWriteRow),
    '',
  ];
}
