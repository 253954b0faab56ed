import type { TTransferProject } from '../schemas/transfer';

/**
 * What in a project of a document does not point where it should: repeated
 * keys, items in unknown stages, parents that do not come first, KPIs and
 * lessons filed under stages or items the project does not have.
 */
export function projectReferenceProblems(
  project: TTransferProject,
  templateHashes: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const stageKeys = new Set<string>();
  for (const stage of project.stages) {
    if (stageKeys.has(stage.key)) problems.push(`stage "${stage.key}" appears twice`);
    stageKeys.add(stage.key);
  }
  if (project.templateHash !== null && !templateHashes.has(project.templateHash)) {
    problems.push('templateHash names no template of the document');
  }
  if (project.currentStageKey !== null && !stageKeys.has(project.currentStageKey)) {
    problems.push(`currentStageKey "${project.currentStageKey}" is not a stage`);
  }
  const itemStage = new Map<string, string>();
  project.items.forEach((item, index) => {
    if (itemStage.has(item.key)) problems.push(`items.${index}: key "${item.key}" appears twice`);
    if (!stageKeys.has(item.stageKey)) {
      problems.push(`items.${index}: stage "${item.stageKey}" is not a stage`);
    }
    if (item.parentKey !== null && itemStage.get(item.parentKey) !== item.stageKey) {
      problems.push(
        `items.${index}: parent "${item.parentKey}" is not an earlier item of its stage`,
      );
    }
    itemStage.set(item.key, item.stageKey);
  });
  project.kpis.forEach((kpi, index) => {
    if (kpi.stageKey !== null && !stageKeys.has(kpi.stageKey)) {
      problems.push(`kpis.${index}: stage "${kpi.stageKey}" is not a stage`);
    }
  });
  project.lessons.forEach((lesson, index) => {
    if (lesson.stageKey !== null && !stageKeys.has(lesson.stageKey)) {
      problems.push(`lessons.${index}: stage "${lesson.stageKey}" is not a stage`);
    }
    if (lesson.itemKey !== null && !itemStage.has(lesson.itemKey)) {
      problems.push(`lessons.${index}: item "${lesson.itemKey}" is not an item`);
    } else if (
      lesson.itemKey !== null &&
      lesson.stageKey !== null &&
      itemStage.get(lesson.itemKey) !== lesson.stageKey
    ) {
      problems.push(
        `lessons.${index}: item "${lesson.itemKey}" is not in stage "${lesson.stageKey}"`,
      );
    }
  });
  return problems;
}
