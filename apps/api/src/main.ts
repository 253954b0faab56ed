// The API alone: `pnpm --filter @shipshape/api-server start`.
import closeWithGrace from 'close-with-grace';
import { readServerEnv } from './env';
import { describeStartupFailure } from './startup-failure';
import { runApi } from './run';

try {
  const api = await runApi(readServerEnv());
  closeWithGrace({ delay: 10_000 }, async () => {
    await api.close();
  });
} catch (error) {
  console.error(describeStartupFailure(error));
  process.exit(1);
}
