import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { splitIntoParts } from './chunks';

type TMicromarkExtension = ReturnType<typeof gfm>;
type TMdastExtension = ReturnType<typeof gfmFromMarkdown>[number];

/** GFM literal autolink constructs (`www.x.com`, `https://…`, `a@b.c` in plain text). */
const AUTOLINK_LITERAL_CONSTRUCTS = new Set(['emailAutolink', 'wwwAutolink', 'protocolAutolink']);

let extensions: { micromark: TMicromarkExtension; mdast: TMdastExtension[] } | undefined;

/**
 * GitHub-flavoured Markdown (task lists, tables, strikethrough, footnotes) without literal
 * autolinks: micromark tries that construct at every letter, which makes the whole parse ~40%
 * slower. Bare URLs in text are found by `inline.ts` instead, with a regular expression.
 * Built once: combining extensions is not free either.
 */
export function markdownExtensions(): { micromark: TMicromarkExtension; mdast: TMdastExtension[] } {
  if (extensions) return extensions;
  const full = gfm();
  const text: NonNullable<TMicromarkExtension['text']> = {};
  for (const [code, constructs] of Object.entries(full.text ?? {})) {
    const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter(
      (construct): construct is NonNullable<typeof construct> =>
        construct !== undefined && !AUTOLINK_LITERAL_CONSTRUCTS.has(construct.name ?? ''),
    );
    if (kept.length > 0) text[code] = kept;
  }
  const mdast = gfmFromMarkdown().filter((extension) => !extension.enter?.['literalAutolink']);
  extensions = { micromark: { ...full, text }, mdast };
  return extensions;
}

/** The mdast tree of `markdown`, parsed in parts (see chunks.ts). */
export function parseMarkdownTree(markdown: string): Root {
  const { micromark, mdast } = markdownExtensions();
  const root: Root = { type: 'root', children: [] };
  for (const part of splitIntoParts(markdown)) {
    const tree = fromMarkdown(part, { extensions: [micromark], mdastExtensions: mdast });
    // A loop, not push(...children): a part may have more blocks than a call has arguments.
    for (const child of tree.children) root.children.push(child);
  }
  return root;
}
