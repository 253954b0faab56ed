// The mixed scenario (issue 11): readers on the portfolio, project dashboards
// and item lists of many projects, alone and while a writer updates items
// across projects at a fixed rate; then, one request at a time, what the first
// read after a write costs (the portfolio; another project's dashboard).
// Readers (autocannon) and the writer run in the bench process, the server in
// its own (load.ts).
import autocannon from 'autocannon';
import type { Db } from '@shipshape/db';
import { logIn, summarize } from './load';
import {
  ApiClient,
  FixedRateWriter,
  percentile,
  randomItem,
  trpcGetPath,
  type WriterMeasured,
} from './mixed-client';
import { createMixedUser, seedMixedWorld, type MixedUser, type MixedWorld } from './mixed-seed';
import {
  connections,
  mixedFullThousand,
  mixedProbes,
  mixedWritesPerSecond,
  seconds,
} from './settings';

export interface WorldSummary {
  projects: number;
  itemsPerProject: number;
  itemCount: number;
  stages: number;
  seedSeconds: number;
}

export interface ReadersMeasured {
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Sequential probes: the read right after a write, and the same read repeated. */
export interface AfterWrite {
  world: WorldSummary;
  afterP50: number;
  afterP95: number;
  repeatP50: number;
  repeatP95: number;
  failedWrites: number;
}

export interface MixedMeasures {
  readersWorld: WorldSummary;
  distinctReads: { workspace: number; projects: number; itemLists: number };
  readOnly: ReadersMeasured;
  withWrites: ReadersMeasured;
  writer: WriterMeasured;
  portfolio: AfterWrite[];
  otherProject: AfterWrite[];
}

export interface MixedSeeded {
  user: MixedUser;
  /** 100 projects × 489 items: readers, writer and probes. */
  readers: MixedWorld;
  /** 1 000 projects × 49 items: as many items as `readers`, ten times the stages. */
  thousandSmall: MixedWorld;
}

export function summary(world: MixedWorld): WorldSummary {
  return {
    projects: world.projectIds.length,
    itemsPerProject: world.itemsPerProject,
    itemCount: world.itemCount,
    stages: world.stageKeys.length,
    seedSeconds: world.seedSeconds,
  };
}

/** Seeds the worlds measured first; the 1 000 × 489 one is seeded later, after the load runs. */
export async function seedMixedWorlds(db: Db): Promise<MixedSeeded> {
  const user = await createMixedUser(db);
  console.log('bench: mixed: seeding 100 projects × 489 items…');
  const readers = await seedMixedWorld(db, user, { projects: 100 });
  console.log(`bench: mixed: …in ${readers.seedSeconds.toFixed(0)} s; 1 000 projects × 49 items…`);
  const thousandSmall = await seedMixedWorld(db, user, { projects: 1000, itemsPerProject: 49 });
  console.log(`bench: mixed: …in ${thousandSmall.seedSeconds.toFixed(0)} s`);
  return { user, readers, thousandSmall };
}

/**
 * The readers' requests, one third each: the portfolio; the dashboard of every
 * project in turn; the items of three stages of every project in turn.
 */
function readerPaths(world: MixedWorld): { paths: string[]; itemLists: number } {
  const n = world.projectIds.length;
  const stages = world.stageKeys.length;
  const paths: string[] = [];
  const lists = new Set<string>();
  const portfolio = trpcGetPath('dashboard.workspace', { workspaceId: world.workspaceId });
  for (let i = 0; i < 3 * n; i++) {
    const projectId = world.projectIds[i % n]!;
    const stageKey = world.stageKeys[(i + Math.floor(i / n) * 5) % stages]!;
    const list = trpcGetPath('item.list', { projectId, stageKey });
    lists.add(list);
    paths.push(portfolio, trpcGetPath('dashboard.project', { projectId }), list);
  }
  return { paths, itemLists: lists.size };
}

async function readers(
  base: string,
  headers: Record<string, string>,
  paths: string[],
  duration: number,
): Promise<ReadersMeasured> {
  let next = 0;
  const result = (await autocannon({
    url: base,
    connections,
    duration,
    headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
      },
    ],
  })) as autocannon.Result;
  return summarize(result);
}

/**
 * `mixedProbes` times, one request at a time: an item update (of `writeTo`,
 * else of a random project), then the read at `path` timed, then timed again
 * with no write in between. `path` is read once first, so it starts cached.
 */
async function afterWrites(
  client: ApiClient,
  world: MixedWorld,
  path: string,
  writeTo?: string,
): Promise<AfterWrite> {
  await client.get(path);
  const after: number[] = [];
  const repeat: number[] = [];
  let failedWrites = 0;
  for (let i = 0; i < mixedProbes; i++) {
    const item = randomItem(world, undefined, writeTo);
    if (!item || (await client.update(item)).status !== 200) failedWrites += 1;
    after.push(await client.get(path));
    repeat.push(await client.get(path));
  }
  return {
    world: summary(world),
    afterP50: percentile(after, 50),
    afterP95: percentile(after, 95),
    repeatP50: percentile(repeat, 50),
    repeatP95: percentile(repeat, 95),
    failedWrites,
  };
}

async function probes(client: ApiClient, world: MixedWorld) {
  const [a, b] = world.projectIds;
  return {
    portfolio: await afterWrites(
      client,
      world,
      trpcGetPath('dashboard.workspace', { workspaceId: world.workspaceId }),
    ),
    otherProject: await afterWrites(
      client,
      world,
      trpcGetPath('dashboard.project', { projectId: b }),
      a,
    ),
  };
}

export async function mixedBenchmarks(options: {
  db: Db;
  base: string;
  seeded: MixedSeeded;
  /** VACUUM ANALYZE of the bench database, after the late seeding. */
  vacuum: () => Promise<void>;
}): Promise<MixedMeasures> {
  const { db, base, seeded } = options;
  const world = seeded.readers;
  const client = new ApiClient(base, await logIn(base, seeded.user));
  const { paths, itemLists } = readerPaths(world);

  console.log('bench: mixed: readers alone…');
  await readers(base, client.headers, paths, 2); // warm up
  const readOnly = await readers(base, client.headers, paths, seconds);
  console.log(`bench: mixed: readers and ${mixedWritesPerSecond} writes/s…`);
  const writer = new FixedRateWriter(client, world, mixedWritesPerSecond);
  writer.start();
  const withWrites = await readers(base, client.headers, paths, seconds);
  const written = await writer.stop();

  console.log('bench: mixed: reads right after a write…');
  const first = await probes(client, world);
  const second = await probes(client, seeded.thousandSmall);
  const portfolio = [first.portfolio, second.portfolio];
  const otherProject = [first.otherProject, second.otherProject];
  if (mixedFullThousand) {
    console.log('bench: mixed: seeding 1 000 projects × 489 items…');
    const thousandFull = await seedMixedWorld(db, seeded.user, { projects: 1000 });
    console.log(`bench: mixed: …in ${thousandFull.seedSeconds.toFixed(0)} s`);
    await options.vacuum();
    // A fresh token: the seeding may outlast an access token.
    const late = new ApiClient(base, await logIn(base, seeded.user));
    const third = await probes(late, thousandFull);
    portfolio.push(third.portfolio);
    otherProject.push(third.otherProject);
  }
  return {
    readersWorld: summary(world),
    distinctReads: { workspace: 1, projects: world.projectIds.length, itemLists },
    readOnly,
    withWrites,
    writer: written,
    portfolio,
    otherProject,
  };
}
