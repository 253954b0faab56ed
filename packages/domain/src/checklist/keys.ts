import { CHECKLIST_LIMITS } from './schema';
import { stripEmoji, truncateCodeUnits } from './text';

/**
 * Keys are slugs of titles so that the same stage or item in two editions of a checklist gets the
 * same key: emoji, accents, case and punctuation do not count (`🌍 Scoping:` and `scoping` match).
 */

/** Any character beyond ASCII (lone surrogates included). */
const NON_ASCII = /[\u{80}-\u{10ffff}]/u;

/** Lower-case words of a title separated by single spaces; the basis of keys and similarity. */
export function normalizeTitle(title: string): string {
  // Most titles are ASCII, where emoji stripping, NFKD and mark removal change nothing and
  // letters and digits are [a-z0-9]; the general path below costs ~5× more per title.
  if (!NON_ASCII.test(title)) {
    return title
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, ' ')
      .trim();
  }
  return stripEmoji(title)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Longest slug taken from one title; longer titles are cut at a word boundary. */
const MAX_SLUG_SEGMENT = 64;

export function slugify(title: string, maxLength = MAX_SLUG_SEGMENT): string {
  let slug = '';
  for (const word of normalizeTitle(title).split(' ')) {
    if (!word) continue;
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) {
      if (!slug) slug = truncateCodeUnits(word, maxLength);
      break;
    }
    slug = next;
  }
  return slug;
}

/**
 * Stage key: the slug of the title without a trailing parenthesised qualifier, because editions
 * tend to add or reword those (`Scoping` became `Scoping (Project Managment)`).
 */
export function stageKeyBase(title: string): string {
  const withoutQualifier = title.replace(/\s*\([^()]*\)\s*$/u, '');
  const slug = slugify(withoutQualifier) || slugify(title);
  return slug || 'stage';
}

/** Slug of an item title, `item` when the title has no words (emoji only, punctuation only). */
export function itemSlug(title: string): string {
  return slugify(title) || 'item';
}

/** 32-bit FNV-1a as 8 hex digits: a short deterministic fingerprint for over-long keys. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Shortens a key that is too long, keeping it unique by appending a hash of the full key. */
export function fitKey(key: string, maxLength: number): string {
  if (key.length <= maxLength) return key;
  const head = truncateCodeUnits(key, maxLength - 9).replace(/[-/]+$/u, '');
  return `${head}-${shortHash(key)}`;
}

/**
 * Hands out unique keys in call order: the first `data/feature-scaling` keeps its name, the next
 * ones become `data/feature-scaling-2`, `-3`, … Deterministic because parsing is.
 */
export class KeyAllocator {
  private readonly taken = new Set<string>();
  /**
   * Per base key, the counter to try first: every smaller one is taken (keys are never given
   * back), so a file with thousands of equal titles does not retry them all each time, which
   * was quadratic (seconds for 3000 entries).
   */
  private readonly nextCounter = new Map<string, number>();

  constructor(private readonly maxLength: number) {}

  claim(wanted: string): string {
    const base = fitKey(wanted, this.maxLength);
    if (!this.taken.has(base)) {
      this.taken.add(base);
      return base;
    }
    for (let counter = this.nextCounter.get(base) ?? 2; ; counter++) {
      const suffix = `-${counter}`;
      const candidate = `${truncateCodeUnits(base, this.maxLength - suffix.length)}${suffix}`;
      if (!this.taken.has(candidate)) {
        this.taken.add(candidate);
        this.nextCounter.set(base, counter + 1);
        return candidate;
      }
    }
  }
}

export const MAX_ITEM_KEY_LENGTH = CHECKLIST_LIMITS.maxKeyLength;
export const MAX_STAGE_KEY_LENGTH = CHECKLIST_LIMITS.maxStageKeyLength;
