// Mentions are stored in a comment's body as `@[Name](user-id)`: the name is
// what the author saw when typing, the id is who is meant, so renaming a
// person breaks neither the link nor the notification.

const MENTION =
  /@\[([^\]\n]{1,200})\]\(([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/g;

/** At most this many distinct people are notified by one comment. */
export const MAX_MENTIONS = 50;

export interface TMention {
  userId: string;
  /** The name as written in the comment (the person may have been renamed since). */
  name: string;
}

/** The people a comment mentions, each once, in the order they first appear. */
export function parseMentions(body: string): TMention[] {
  const seen = new Map<string, TMention>();
  for (const match of body.matchAll(MENTION)) {
    const userId = match[2]!.toLowerCase();
    if (!seen.has(userId)) seen.set(userId, { userId, name: match[1]! });
    if (seen.size >= MAX_MENTIONS) break;
  }
  return [...seen.values()];
}

/** The token a client inserts for a mention (names lose the brackets that would end it). */
export function formatMention(user: { id: string; name: string }): string {
  return `@[${user.name.replace(/[[\]\n]/g, ' ').trim()}](${user.id})`;
}

/** A comment as plain text: each mention shown as @Name (for emails and excerpts). */
export function mentionsAsText(body: string, nameOf?: (userId: string) => string | undefined) {
  return body.replace(MENTION, (_token, name: string, id: string) => {
    return `@${nameOf?.(id.toLowerCase()) ?? name}`;
  });
}
