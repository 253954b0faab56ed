// Piscina starts the worker on this plain JavaScript file, which loads the TypeScript task
// through tsx's API (see load-parse-checklist.worker.mjs for why).
import { tsImport } from 'tsx/esm/api';

const task = await tsImport('./read-document.worker.ts', import.meta.url);

export default task.default;
