export { buildServer, type ServerOptions } from './server';
export { readServerEnv, ConfigError, type ServerEnv } from './env';
export { runApi, createLogger, StartupError, type RunningApi } from './run';
export { describeStartupFailure } from './startup-failure';
export type { FastifyInstance } from 'fastify';
