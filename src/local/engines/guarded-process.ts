/**
 * Child processes that cannot outlive their parent. The command runs under a small shell guard
 * that kills it as soon as the guard's stdin closes: when we call stop(), and also when the Node
 * process that started it dies, however it dies (even SIGKILL), because the pipe closes then too.
 */
import { type ChildProcess, spawn } from 'node:child_process';

const GUARD = `"$@" & pid=$!
trap 'kill $pid 2>/dev/null; exit 0' INT TERM
cat >/dev/null
kill $pid 2>/dev/null
wait $pid 2>/dev/null`;

export interface GuardedProcess {
  readonly child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  stop(): Promise<void>;
}

export function spawnGuarded(
  command: string,
  args: readonly string[],
  options: { readonly cwd?: string } = {},
): GuardedProcess {
  const child = spawn('sh', ['-c', GUARD, 'guard', command, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.cwd !== undefined && { cwd: options.cwd }),
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    child,
    output: () => output,
    stop: () => {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.stdin?.end();
      });
    },
  };
}

/** Polls `ready` until it resolves true, failing early if the process exits. */
export async function waitFor(
  process: GuardedProcess,
  ready: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null)
      throw new Error(`${what} exited during start-up: ${process.output().trim()}`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} was not ready within ${timeoutMs} ms: ${process.output().trim()}`);
}
