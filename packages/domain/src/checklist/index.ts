export { ChecklistImportError, type TImportIssue } from './errors';
export {
  CHECKLIST_LIMITS,
  ZChecklistLink,
  ZFlatItem,
  ZParsedItem,
  ZParsedStage,
  ZParsedTemplate,
  type TChecklistLink,
  type TFlatItem,
  type TParsedItem,
  type TParsedStage,
  type TParsedTemplate,
} from './schema';
export { parseChecklistMarkdown } from './parse';
export { assertImportableText } from './validate-input';
export {
  MOJIBAKE_CODEPAGES,
  repairMojibake,
  repairMojibakeDetailed,
  type TMojibakeCodepage,
  type TMojibakeRepair,
} from './mojibake';
export { itemSlug, normalizeTitle, slugify, stageKeyBase } from './keys';
export { titleSimilarity } from './similarity';
export { flattenTemplate } from './flatten';
export { contentHash } from './hash';
export {
  diffTemplates,
  type TItemField,
  type TItemRef,
  type TStageRef,
  type TTemplateDiff,
} from './diff';
export {
  MIN_MATCH_SIMILARITY,
  UNCERTAIN_BELOW,
  planUpgrade,
  type TUpgradeAddition,
  type TUpgradeCurrentItem,
  type TUpgradeMatch,
  type TUpgradePlan,
  type TUpgradeRemoval,
} from './upgrade';
