import type { TProjectDocument, TTransferItem } from '../schemas/transfer';
import { orderedItems } from './item-order';

const STATUS_LABEL: Record<TTransferItem['status'], string> = {
  TODO: 'To do',
  IN_PROGRESS: 'In progress',
  BLOCKED: 'Blocked',
  DONE: 'Done',
  NOT_APPLICABLE: 'N/A',
};

/** User text as one line of inline Markdown that renders as itself: no
 * emphasis, links, HTML or table breaks sneak in from a title or a reason. */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]()<>#|~!]/g, (c) => `\\${c}`);
}

/** A link target that cannot end the link early or open another. */
function markdownUrl(url: string): string {
  return url.replace(/[()<>\s\\[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The project as Markdown: the checklist as a GitHub task list (done and N/A
 * items ticked, N/A with its reason), each item's status, assignee, due date
 * and evidence links; then the KPIs and the lessons learnt.
 */
export function projectMarkdown(document: TProjectDocument): string {
  const { project, template } = document;
  const out: string[] = [`# ${markdownText(project.name)}`, ''];
  if (project.description) out.push(markdownText(project.description), '');
  const facts = [
    `Exported from Shipshape on ${day(document.exportedAt)}`,
    `phase ${project.phase}`,
  ];
  if (template)
    facts.push(`checklist ${markdownText(template.name)} ${markdownText(template.versionLabel)}`);
  out.push(`${facts.join(' · ')}.`, '');

  const byStage = new Map<string, Array<{ item: TTransferItem; depth: number }>>();
  for (const entry of orderedItems(project)) {
    byStage.set(entry.item.stageKey, [...(byStage.get(entry.item.stageKey) ?? []), entry]);
  }
  for (const stage of project.stages) {
    out.push(`## ${markdownText(stage.title)}`, '');
    const entries = byStage.get(stage.key) ?? [];
    if (entries.length === 0) out.push('_No items._');
    for (const { item, depth } of entries) out.push(...itemLines(item, '  '.repeat(depth)));
    out.push('');
  }

  if (project.kpis.length > 0) {
    out.push(
      '## KPIs',
      '',
      '| KPI | Kind | Unit | Baseline | Target | Latest |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const kpi of project.kpis) {
      const latest = [...kpi.measurements].sort(
        (a, b) => b.recordedAt.getTime() - a.recordedAt.getTime(),
      )[0];
      const cells = [
        kpi.name,
        kpi.kind,
        kpi.unit,
        kpi.baseline ?? '',
        kpi.target ?? '',
        latest?.value ?? '',
      ];
      out.push(`| ${cells.map((cell) => markdownText(String(cell))).join(' | ')} |`);
    }
    out.push('');
  }
  if (project.lessons.length > 0) {
    out.push('## Lessons learnt', '');
    for (const lesson of project.lessons) {
      out.push(`- **${markdownText(lesson.title)}**: ${markdownText(lesson.learnt)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function itemLines(item: TTransferItem, indent: string): string[] {
  const ticked = item.status === 'DONE' || item.status === 'NOT_APPLICABLE';
  const title = markdownText(item.title);
  const details = [
    item.status === 'NOT_APPLICABLE'
      ? `N/A: ${markdownText(item.notApplicableReason ?? '')}`
      : STATUS_LABEL[item.status],
  ];
  if (item.assignee) details.push(`assigned to ${markdownText(item.assignee.name)}`);
  if (item.dueDate) details.push(`due ${item.dueDate}`);
  const lines = [
    `${indent}- [${ticked ? 'x' : ' '}] ${item.status === 'NOT_APPLICABLE' ? `~~${title}~~` : title} (${details.join(', ')})`,
  ];
  for (const evidence of item.evidence) {
    lines.push(
      `${indent}  - Evidence: [${markdownText(evidence.label)}](${markdownUrl(evidence.url)})`,
    );
  }
  return lines;
}
