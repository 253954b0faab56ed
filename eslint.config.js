import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/dist/**',
      'packages/db/src/generated/**',
      'apps/web/next-env.d.ts',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // Layer boundaries: the domain package is pure (shared with the browser);
  // packages never import apps; the web app never imports the database.
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/bench-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@shipshape/db',
            '@shipshape/api',
            '@shipshape/api-server',
            '@trpc/*',
            'fastify',
            'node:*',
          ],
        },
      ],
    },
  },
  {
    files: ['packages/**/*.ts'],
    ignores: ['packages/domain/**', 'packages/api/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@shipshape/api-server', '@shipshape/web'] }],
    },
  },
  // The routers know nothing of the web framework: apps/api mounts them.
  {
    files: ['packages/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@shipshape/api-server', '@shipshape/web', 'fastify', '@fastify/*'] },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@shipshape/db', '@shipshape/db/*'],
              message: 'The web app never imports the database package.',
            },
            {
              group: ['@shipshape/api', '@shipshape/api/*'],
              allowTypeImports: true,
              message: 'Import only types from the API package.',
            },
            {
              // The root entry carries the checklist parser and CSV reader (see lib/domain.ts).
              regex: '^@shipshape/domain$',
              allowTypeImports: true,
              message:
                "Import values from '@/lib/domain' (browser-safe); types may come from here.",
            },
          ],
        },
      ],
    },
  },
);
