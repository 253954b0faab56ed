// Gives the integration suite a real Postgres, in this order:
// TEST_DATABASE_URL / DATABASE_URL if set; else a testcontainers Postgres 15 if
// a Docker engine answers; else the embedded PGlite. With a server, one
// template database is migrated here and every test file clones its own.
import { existsSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations, createDb, seedBuiltInTemplates } from '@shipshape/db';
import type { TestDatabaseTarget } from './target';

let teardown: (() => Promise<void>) | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const target = await resolveTarget();
  project.provide('testDatabase', target);
  return async () => {
    await teardown?.();
  };
}

async function resolveTarget(): Promise<TestDatabaseTarget> {
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (given) return prepareServer(given, 'env');
  if (dockerMayAnswer()) {
    try {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const container = await new PostgreSqlContainer('postgres:15-alpine').start();
      teardown = async () => {
        await container.stop();
      };
      return prepareServer(container.getConnectionUri(), 'testcontainers');
    } catch (error) {
      console.warn(`testcontainers unavailable (${(error as Error).message}); using PGlite.`);
    }
  }
  return { kind: 'pglite' };
}

function dockerMayAnswer(): boolean {
  return Boolean(process.env.DOCKER_HOST) || existsSync('/var/run/docker.sock');
}

async function prepareServer(
  adminUrl: string,
  source: 'env' | 'testcontainers',
): Promise<TestDatabaseTarget> {
  const templateName = `shipshape_test_template_${process.pid}`;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${templateName}"`);
  await adminQuery(adminUrl, `CREATE DATABASE "${templateName}"`);
  await applyMigrations(withDatabase(adminUrl, templateName));
  const db = createDb({ connectionString: withDatabase(adminUrl, templateName), poolSize: 2 });
  await seedBuiltInTemplates(db);
  await db.$disconnect();
  const previous = teardown;
  teardown = async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${templateName}" WITH (FORCE)`);
    await previous?.();
  };
  return { kind: 'server', adminUrl, templateName, source };
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
