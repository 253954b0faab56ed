export { appRouter, createCaller, type AppRouter } from './router';
export {
  defaultAuthConfig,
  type AccessClaims,
  type AuthConfig,
  type Context,
  type RefreshCookie,
} from './context';
export type { Logger } from './logger';
export { busyResponseMeta } from './errors';
