import { z } from 'zod';

/** Limits shared by the parser, the API and the web forms. */
export const CHECKLIST_LIMITS = {
  maxInputBytes: 5 * 1024 * 1024,
  /**
   * The structural limits below are far above what a checklist needs (the v2 seed: 723 lines of
   * at most 645 characters, 19 headings, 532 entries, nesting 4, no tables, 22 markers in its
   * busiest paragraph) and keep the Markdown parser's work to well under a second; see
   * structure-limits.ts for why each shape is costly.
   */
  /** Lines that start a list entry; a real checklist has hundreds, parsing cost grows with them. */
  maxListItems: 3000,
  /** Headings (`#` lines): each may become a stage or a grouping item. */
  maxHeadings: 500,
  /** Estimated nesting of lists and quotes on one line; deep nesting makes parsing quadratic. */
  maxNestingDepth: 40,
  /** Parsing costs tens of microseconds per line whatever its length. */
  maxLines: 100_000,
  /** Characters in one line; a checklist line is a sentence or a link, not a megabyte. */
  maxLineLength: 20_000,
  /** `*`, `_`, `~`, `[`, `]`, `<` in one paragraph; resolving them is quadratic. */
  maxInlineMarkersPerParagraph: 1000,
  /** The same markers in the whole file: many busy paragraphs add up. */
  maxInlineMarkers: 40_000,
  /** Columns of one GFM table. */
  maxTableColumns: 50,
  /** Cells of all GFM tables together: micromark spends ~0.1 ms on each. */
  maxTableCells: 3000,
  maxTitleLength: 1000,
  maxStageTitleLength: 300,
  maxKeyLength: 250,
  maxStageKeyLength: 120,
} as const;

export const ZChecklistLink = z.object({
  label: z.string().min(1),
  url: z.string().min(1),
});
export type TChecklistLink = z.infer<typeof ZChecklistLink>;

const ZItemKey = z.string().min(1).max(CHECKLIST_LIMITS.maxKeyLength);
const ZStageKey = z.string().min(1).max(CHECKLIST_LIMITS.maxStageKeyLength);

/** A checklist entry; `children` keeps the nesting of the source list. */
export interface TParsedItem {
  key: string;
  title: string;
  body?: string | undefined;
  links: TChecklistLink[];
  /** Names of the tools/alternatives the item lists as children (see options.ts). */
  options?: string[] | undefined;
  children: TParsedItem[];
}

// The recursive schema is annotated with the interface above because zod cannot infer a
// self-referencing type on its own.
export const ZParsedItem: z.ZodType<TParsedItem> = z.lazy(() =>
  z.object({
    key: ZItemKey,
    title: z.string().min(1).max(CHECKLIST_LIMITS.maxTitleLength),
    body: z.string().min(1).optional(),
    links: z.array(ZChecklistLink),
    options: z.array(z.string().min(1)).min(1).optional(),
    children: z.array(ZParsedItem),
  }),
);

export const ZParsedStage = z.object({
  key: ZStageKey,
  title: z.string().min(1).max(CHECKLIST_LIMITS.maxStageTitleLength),
  description: z.string().min(1).optional(),
  items: z.array(ZParsedItem).min(1),
});
export type TParsedStage = z.infer<typeof ZParsedStage>;

export const ZParsedTemplate = z.object({
  title: z.string().min(1).max(CHECKLIST_LIMITS.maxStageTitleLength),
  stages: z.array(ZParsedStage).min(1),
});
export type TParsedTemplate = z.infer<typeof ZParsedTemplate>;

/** One row of `flattenTemplate`: an item ready for a bulk insert. */
export const ZFlatItem = z.object({
  key: ZItemKey,
  stageKey: ZStageKey,
  parentKey: ZItemKey.nullable(),
  depth: z.number().int().min(0),
  position: z.number().int().min(0),
  title: z.string().min(1),
  body: z.string().nullable(),
  links: z.array(ZChecklistLink),
  options: z.array(z.string()),
});
export type TFlatItem = z.infer<typeof ZFlatItem>;
