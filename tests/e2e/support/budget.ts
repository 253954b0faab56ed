// The JavaScript budget of a route: what a first visit must download before
// the page can run (Next's "first load JS"), gzip-compressed as `next start`
// serves it. The chunk list comes from the build's own route statistics.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface RouteStats {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
}

export interface RouteWeight {
  route: string;
  files: number;
  uncompressed: number;
  gzip: number;
}

export function firstLoadJs(webDir: string, route: string): RouteWeight {
  const stats = JSON.parse(
    readFileSync(join(webDir, '.next/diagnostics/route-bundle-stats.json'), 'utf8'),
  ) as RouteStats[];
  const entry = stats.find((s) => s.route === route);
  if (!entry) throw new Error(`budget: no route ${route} in the build's route statistics`);
  let uncompressed = 0;
  let gzip = 0;
  for (const path of entry.firstLoadChunkPaths) {
    const bytes = readFileSync(join(webDir, path));
    uncompressed += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { route, files: entry.firstLoadChunkPaths.length, uncompressed, gzip };
}
