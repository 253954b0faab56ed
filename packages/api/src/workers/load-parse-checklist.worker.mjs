// Piscina starts each worker thread on this plain JavaScript file, which loads the TypeScript
// task through tsx's API. That works the same whether the parent runs under `tsx`
// (`pnpm start`), `node --import tsx` or vitest, whose own TypeScript loader does not reach
// worker threads.
import { tsImport } from 'tsx/esm/api';

const task = await tsImport('./parse-checklist.worker.ts', import.meta.url);

export default task.default;
export const parseMeasurements = task.parseMeasurements;
