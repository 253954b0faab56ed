// Child processes for `pnpm start`: each in its own process group, so a
// terminal's Ctrl-C reaches only the supervisor, which then stops them in
// order; a child's own exit code on that signal is never mistaken for a crash.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { StartupError } from '@shipshape/api-server';

export interface SupervisedChild {
  name: string;
  process: ChildProcess;
  /** True once the child said it is serving (or, without IPC, once spawned). */
  started: boolean;
  /** The URL an IPC child reports when it is ready. */
  ready: Promise<string>;
  /** How it ended, in words: "exit code 1", "killed by SIGKILL". */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/** The child failed before it was ready; it printed its own one-line reason. */
export class ChildStartFailed extends StartupError {}

const STOP_GRACE_MS = 12_000;

export function spawnSupervised(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; ipc?: boolean },
): SupervisedChild {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: options.ipc ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) =>
      resolve(signal ? `killed by ${signal}` : `exit code ${String(code)}`),
    ),
  );
  const supervised: SupervisedChild = {
    name,
    process: child,
    started: !options.ipc,
    exited,
    ready: options.ipc
      ? new Promise<string>((resolve, reject) => {
          child.on('message', (message: { type?: string; url?: string }) => {
            if (message.type !== 'ready' || !message.url) return;
            supervised.started = true;
            resolve(message.url);
          });
          void exited.then(() => reject(new ChildStartFailed(`The ${name} did not start.`)));
        })
      : Promise.resolve(''),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
  // The supervisor handles the failure; an unhandled rejection must not crash it.
  supervised.ready.catch(() => {});
  return supervised;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // Negative pid: the whole group, so helpers the child spawned stop too.
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export async function assertPortFree(port: number, host: string, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`Port ${port} is already in use. Set ${variable} to a free port.`)
          : error,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

export function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
}
