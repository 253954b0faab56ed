export type TestDatabaseTarget =
  | { kind: 'server'; adminUrl: string; templateName: string; source: 'env' | 'testcontainers' }
  | { kind: 'pglite' };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseTarget;
  }
}
