/**
 * SHA-256 of the text's UTF-8 bytes as lower-case hex. Uses Web Crypto (`crypto.subtle`), which
 * Node 20 and browsers both provide, because this package is shared with the web app and must
 * not import `node:crypto`.
 */
export async function contentHash(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
