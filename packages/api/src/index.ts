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
export { ActivityHub } from './live/activity-hub';
export { streamSessionClaims } from './auth/stream-session';
export {
  startNotificationJobs,
  type NotificationJobOptions,
  type NotificationJobs,
} from './notifications/notification-jobs';
export { createMailer, type Mailer, type MailSettings } from './notifications/mail/mailer';
export { UNSUBSCRIBE_PAGE, UNSUBSCRIBE_PATH } from './notifications/mail/compose-mail';
export { unsubscribe } from './notifications/notification-preferences';
export type { DeliveryConfig } from './notifications/delivery-config';
export {
  apiTokenCredential,
  defaultApiTokenRateLimit,
  type ApiTokenCredential,
  type ApiTokenRateLimit,
} from './api-tokens/token-access';
export { callRestRoute, type RestAnswer, type RestError } from './rest/call-route';
export { openApiDocument } from './rest/openapi';
export { REST_PREFIX, restRoutes, routerPath, type RestRoute } from './rest/routes';
export { startWebhookJobs, type WebhookJobs } from './webhooks/webhook-jobs';
export type { WebhookTransport } from './webhooks/send-webhook';
export { isPrivateAddress } from './webhooks/target-address';
