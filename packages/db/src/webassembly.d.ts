// Node 20 has WebAssembly at run time, but @types/node 20 does not declare it
// (it comes with TypeScript's DOM lib, which a server package should not load).
// Only what schema-engine.ts uses.
declare namespace WebAssembly {
  type ExportValue = unknown;
  type Exports = Record<string, ExportValue>;
  type ModuleImports = Record<string, unknown>;
  type Imports = Record<string, ModuleImports>;
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports?: Imports);
    readonly exports: Exports;
  }
}
