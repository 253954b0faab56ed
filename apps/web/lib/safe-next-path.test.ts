// Redirect targets after sign-in and sign-up (`?next=`): only paths on the
// app's own origin, judged as the browser will read them (it strips tabs,
// newlines and carriage returns, and reads `\` as `/`). Pure, no browser.
import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('[auth][redirect] safeNextPath', () => {
  it.each([
    ['/w/fraud-ml', '/w/fraud-ml'],
    ['/w/fraud-ml/p/1?tab=kpis#chart', '/w/fraud-ml/p/1?tab=kpis#chart'],
    ['/invite/abc123', '/invite/abc123'],
    ['/', '/'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('keeps the in-app path %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    ['tab', '/\t/evil.example/'],
    ['newline', '/\n/evil.example/'],
    ['carriage return', '/\r/evil.example/'],
    ['tab between the slashes and the host', '/\t\t/\t/evil.example'],
    ['backslash', '/\\evil.example'],
    ['backslash after a tab', '/\t\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a path', '//evil.example/w/x'],
    ['leading space', ' //evil.example'],
    ['leading control character', '\u0000//evil.example'],
    ['absolute https', 'https://evil.example/'],
    ['absolute http', 'http://evil.example'],
    ['scheme with tabs', 'ht\ttps://evil.example'],
    ['scheme-relative with one slash', 'https:evil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: in capitals with a tab', 'JavaScript\t:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['userinfo trick', '//app@evil.example'],
    [
      'decoded %2F%09%2F (as the query string delivers it)',
      decodeURIComponent('%2F%09%2Fevil.example%2F'),
    ],
    ['decoded %2F%0A%2F', decodeURIComponent('%2F%0A%2Fevil.example')],
    ['decoded %2F%5C', decodeURIComponent('%2F%5Cevil.example')],
    ['decoded %2F%2F', decodeURIComponent('%2F%2Fevil.example')],
  ])('refuses %s', (_name, next) => {
    expect(safeNextPath(next)).toBe('/');
    expect(safeNextPath(next, '/workspaces/new')).toBe('/workspaces/new');
  });

  it('falls back when there is no target', () => {
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath(undefined)).toBe('/');
    expect(safeNextPath('', '/home')).toBe('/home');
  });

  it('returns a target the browser reads as a path on this origin', () => {
    const origin = 'https://shipshape.example';
    for (const next of ['/w/a', '/\t/evil.example', '/a/../../b', '/a?next=//evil#x']) {
      const target = safeNextPath(next);
      expect(new URL(target, origin).origin).toBe(origin);
      expect(target.startsWith('/')).toBe(true);
      expect(target.startsWith('//')).toBe(false);
      expect(/[\t\n\r\\]/.test(target)).toBe(false);
    }
  });
});
