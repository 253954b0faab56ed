// The API alone: `pnpm --filter @shipshape/api-server start`, and the API part
// of `pnpm start`, whose supervisor (SHIPSHAPE_SUPERVISED) hears over IPC when
// it is ready, and whose going away stops this process too.
import closeWithGrace from 'close-with-grace';
import { readServerEnv } from './env';
import { describeStartupFailure } from './startup-failure';
import { runApi } from './run';

const supervised = process.env.SHIPSHAPE_SUPERVISED === '1' && typeof process.send === 'function';

try {
  const api = await runApi(readServerEnv());
  // On SIGTERM the server stops accepting, answers 503 on open connections,
  // finishes what is in flight, then closes the database (see runApi's close).
  closeWithGrace({ delay: 10_000 }, async ({ signal }) => {
    const started = Date.now();
    api.app.log.info({ signal }, 'stopping: draining requests in flight');
    await api.close();
    api.app.log.info({ ms: Date.now() - started }, 'stopped');
  });
  if (supervised) {
    process.send?.({ type: 'ready', url: api.url });
    // The supervisor died without stopping us: stop rather than run unwatched.
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  }
} catch (error) {
  console.error(describeStartupFailure(error));
  process.exit(1);
}
