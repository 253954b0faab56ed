// Where to go after signing in or up (`?next=`): only a path on this app's own
// origin. The target is judged as the browser will read it, after the URL
// parser strips tabs, newlines and carriage returns, reads `\` as `/` and
// resolves dots, so `/\t/evil.example` (which becomes `//evil.example`) is refused.

/** The string without the characters (code points up to U+0020) a URL parser may skip. */
function stripIgnored(value: string): string {
  return [...value].filter((char) => char.charCodeAt(0) > 0x20).join('');
}

/** Any origin of our own: relative targets resolve against it, foreign ones do not. */
const BASE = 'https://shipshape.invalid';

/**
 * The normalised path, query and hash of `value` when it stays on this origin;
 * otherwise `fallback`. The result always starts with a single `/`.
 */
export function safeNextPath(value: string | null | undefined, fallback = '/'): string {
  // Only a path: no scheme (`https:evil`, `javascript:`), whatever the parser would make of it.
  // (The parser skips leading control characters and spaces, and tabs and newlines anywhere.)
  if (!value || !stripIgnored(value).startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.username || url.password) return fallback;
  const target = `${url.pathname}${url.search}${url.hash}`;
  // The pathname of a same-origin URL starts with one `/`; check anyway, as the
  // router will parse the string again.
  return target.startsWith('/') && !target.startsWith('//') ? target : fallback;
}
