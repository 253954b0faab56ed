import { defineConfig } from 'prisma/config';

// The URL is only needed by Prisma's own migrate commands on machines that have
// the native engine; the product migrates through packages/db (wasm engine).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/shipshape' },
});
