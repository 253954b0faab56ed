// Docker cannot run on the build machines; this keeps the compose file honest
// by parsing it and checking what `docker compose` relies on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '@shipshape/db/paths';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}

const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), {
  strict: true,
  uniqueKeys: true,
}) as { services: Record<string, Service>; volumes: Record<string, unknown> };

describe('[compose] docker-compose.yml', () => {
  it('has postgres, api and web, each with a healthcheck', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'web']);
    for (const service of Object.values(compose.services)) {
      expect(service.healthcheck?.test.length).toBeGreaterThan(1);
    }
  });

  it('starts in dependency order on healthy services', () => {
    expect(compose.services.api?.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(compose.services.web?.depends_on?.api?.condition).toBe('service_healthy');
  });

  it('points the API at the compose Postgres 15 and the web at the API', () => {
    expect(compose.services.postgres?.image).toMatch(/^postgres:15/);
    expect(compose.services.api?.environment?.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(compose.services.web?.environment?.API_INTERNAL_URL).toBe('http://api:4000');
  });

  it('builds from a Dockerfile and runs files that exist', () => {
    expect(existsSync(join(repoRoot, 'Dockerfile'))).toBe(true);
    expect(existsSync(join(repoRoot, compose.services.api?.command?.[1] ?? 'missing'))).toBe(true);
    expect(existsSync(join(repoRoot, 'apps/web/node_modules/next/dist/bin/next'))).toBe(true);
  });

  it('refuses to start without a JWT secret instead of shipping a known one', () => {
    const secret = compose.services.api?.environment?.JWT_SECRET ?? '';
    // `${VAR:?message}` makes `docker compose up` stop with the message when
    // JWT_SECRET is unset or empty; `${VAR:-default}` would run with a public secret.
    expect(secret).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
    for (const service of Object.values(compose.services)) {
      for (const value of Object.values(service.environment ?? {})) {
        expect(String(value)).not.toMatch(/JWT_SECRET:-/);
      }
    }
  });
});
