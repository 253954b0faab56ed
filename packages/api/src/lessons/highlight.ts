import { Prisma } from '@shipshape/db';
import type { TLessonHighlight } from '@shipshape/domain';

// Highlighting without HTML injection: ts_headline runs over an HTML-escaped
// copy of the text, so the only "<" in its answer are the <mark> and </mark>
// it inserted. The answer is then split at those marks and unescaped into
// plain-text parts; no HTML ever leaves the API.

/** `text` with &, < and > escaped, in SQL (constant fragments, no input). */
export function escapedSql(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`replace(replace(replace(${text}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
}

/** The whole title, every match marked. */
export const TITLE_HEADLINE_OPTIONS = 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true';

/** Up to three fragments of about 8–24 words around the matches. */
export const SNIPPET_HEADLINE_OPTIONS =
  'StartSel=<mark>, StopSel=</mark>, MaxFragments=3, MaxWords=24, MinWords=8, FragmentDelimiter=" … "';

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

function unescapeHtml(text: string): string {
  // One pass, so "&amp;lt;" becomes "&lt;" (what the user typed), not "<".
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => entities[entity] ?? entity);
}

/** ts_headline's answer over escaped text → plain-text parts, matches flagged. */
export function headlineParts(headline: string): TLessonHighlight {
  const parts: TLessonHighlight = [];
  let match = false;
  for (const piece of headline.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') {
      match = piece === '<mark>';
      continue;
    }
    if (piece === '') continue;
    const text = unescapeHtml(piece);
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  }
  return parts;
}
