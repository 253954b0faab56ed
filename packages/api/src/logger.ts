/** The slice of a pino logger that procedures use; Fastify's request logger
 * satisfies it, and tests can pass pino itself. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
