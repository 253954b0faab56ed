// The browser-safe part of @shipshape/domain: its zod schemas and their helpers.
//
// The package's root entry also re-exports the checklist parser (micromark,
// iconv-lite) and the KPI CSV reader (papaparse). The package does not declare
// `sideEffects: false`, so a bundler must keep every module the root barrel
// names, and any value import from '@shipshape/domain' put ~220 kB (gzip) of
// parser code into every page. Value imports therefore come from the schemas
// entry point here; type-only imports may use '@shipshape/domain' directly
// (they are erased at build time).
export * from '@shipshape/domain/schemas/index';
