// The browser-safe part of @shipshape/domain: its zod schemas and their helpers.
//
// The package's root entry also re-exports the checklist parser (micromark,
// iconv-lite) and the KPI CSV reader (papaparse), ~220 kB gzip. The package
// declares `sideEffects: false`, but rather than trust every bundler to drop
// them, the web app takes values only from browser-safe entry points (this
// one, and the small rule modules: '@shipshape/domain/progress/index',
// '/labels', '/roles'); lint refuses value imports
// from the root. Type-only imports may use '@shipshape/domain' (erased).
export * from '@shipshape/domain/schemas/index';
