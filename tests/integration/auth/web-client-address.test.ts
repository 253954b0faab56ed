// The web app's server is started with scripts/web-client-address.mjs, so the
// X-Forwarded-For its /trpc proxy reads (and passes on to the API as the
// browser's address for sign-in limits) is the connection's own address, not
// whatever a client wrote into the header.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@shipshape/db/paths';

const preload = pathToFileURL(join(repoRoot, 'scripts/web-client-address.mjs')).href;
// A server like Next's: node's http.Server, answering with the header it sees.
const echoServer = `
  import http from 'node:http';
  const server = http.createServer((req, res) => res.end(String(req.headers['x-forwarded-for'])));
  server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function forwardedForSeen(env: Record<string, string>, sent: string): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', preload, '--input-type=module', '-e', echoServer],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const port = await new Promise<string>((resolve) =>
      child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
    );
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { 'x-forwarded-for': sent },
    });
    return await response.text();
  } finally {
    child.kill();
  }
}

describe('[auth] the web server takes the client address from the connection', () => {
  it('replaces a forged X-Forwarded-For with the socket address', async () => {
    const seen = await forwardedForSeen(
      { WEB_TRUST_FORWARDED_FOR: '' },
      '203.0.113.7, 198.51.100.1',
    );
    expect(seen).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('keeps the header when told a trusted reverse proxy sets it', async () => {
    const seen = await forwardedForSeen({ WEB_TRUST_FORWARDED_FOR: 'true' }, '203.0.113.7');
    expect(seen).toBe('203.0.113.7');
  });
});
