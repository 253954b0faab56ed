// Mentions in the comment box and in comments. The stored token is the
// domain's `@[Name](user-id)` (formatMention); these helpers find it for
// display and find the `@query` being typed for the type-ahead.
import { formatMention } from '@shipshape/domain/notifications/mentions';

// The same token parseMentions reads (mentions.test.ts pins the two together).
const MENTION =
  /@\[([^\]\n]{1,200})\]\(([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/g;

export type CommentPart =
  { kind: 'text'; text: string } | { kind: 'mention'; userId: string; name: string };

/**
 * A comment's text split into plain runs and mentions. Each mention shows the
 * person's current name (`nameOf`), or the name written in the token when
 * they are not a member any more.
 */
export function commentParts(
  body: string,
  nameOf: (userId: string) => string | undefined = () => undefined,
): CommentPart[] {
  const parts: CommentPart[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    if (match.index > last) parts.push({ kind: 'text', text: body.slice(last, match.index) });
    const userId = match[2]!.toLowerCase();
    parts.push({ kind: 'mention', userId, name: nameOf(userId) ?? match[1]! });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}

/** The `@…` being typed just before the caret: where it starts and what follows the `@`. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s(])@([^\s@[\]()]{0,40})$/.exec(before);
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** The text with the typed `@query` (from `start` to `caret`) replaced by the person's token. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  person: { id: string; name: string },
): { text: string; caret: number } {
  const token = `${formatMention(person)} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, start) + token + after, caret: start + token.length };
}

/** Members whose name or email starts a word with the query, best first, at most `limit`. */
export function matchMembers<T extends { name: string; email: string }>(
  members: readonly T[],
  query: string,
  limit = 8,
): T[] {
  const q = query.toLowerCase();
  const score = (member: T) => {
    const name = member.name.toLowerCase();
    if (name.startsWith(q)) return 0;
    if (name.split(/\s+/).some((word) => word.startsWith(q))) return 1;
    if (member.email.toLowerCase().startsWith(q)) return 2;
    return -1;
  };
  return members
    .map((member) => ({ member, rank: score(member) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.member.name.localeCompare(b.member.name))
    .slice(0, limit)
    .map((entry) => entry.member);
}
