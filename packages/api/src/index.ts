export { appRouter, createCaller, type AppRouter } from './router';
export type { Context } from './context';
export type { Logger } from './logger';
