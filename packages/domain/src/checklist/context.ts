import type { TDefinitions } from './inline';
import { collapseWhitespace } from './text';

/** What the tree walkers need to know about the whole document. */
export interface TParseContext {
  definitions: TDefinitions;
  /**
   * Mojibake fragments that were an emoji before a byte was lost (see mojibake.ts). They are
   * decoration with no recoverable meaning, so titles drop them; bodies keep them.
   */
  damagedEmoji: readonly string[];
}

export function withoutDamagedEmoji(text: string, context: TParseContext): string {
  if (context.damagedEmoji.length === 0) return text;
  let cleaned = text;
  for (const fragment of context.damagedEmoji) cleaned = cleaned.split(fragment).join(' ');
  return collapseWhitespace(cleaned);
}
