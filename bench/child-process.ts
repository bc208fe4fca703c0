/** Runs the benchmark's node child processes: each is waited for, and killed if it overruns. */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { REPORT_PREFIX } from './runners/protocol';

export interface ChildResult {
  /** The report line the child printed on stdout (REPORT_PREFIX removed), or else its first line. */
  readonly line: string;
  /** Wall time from just before spawn to that line arriving. */
  readonly lineAtMs: number;
  readonly stderr: string;
}

export interface RunOptions {
  /** The node binary; BENCH_NODE's, else this process's. */
  readonly node?: string;
  /** The child's whole environment; this process's when absent. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The node the bench runs its children on: BENCH_NODE (say, node_modules/node/bin/node from
 * `npm install --no-save node@22`) so figures come from the Lambda's Node whichever Node runs npm.
 */
export const CHILD_NODE =
  process.env.BENCH_NODE !== undefined && process.env.BENCH_NODE !== ''
    ? process.env.BENCH_NODE
    : process.execPath;

export class ChildFailedError extends Error {
  override readonly name = 'ChildFailedError';
}

/** Runs `node <args>` and resolves with its report line once it has exited. */
export function runNode(
  args: readonly string[],
  timeoutMs: number,
  options: RunOptions = {},
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(options.node ?? CHILD_NODE, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.env !== undefined && { env: options.env }),
    });
    // Only the tail is kept: the bundles' own log lines can run to hundreds of megabytes.
    let stdout = '';
    let stderr = '';
    let report: string | undefined;
    let firstLine: string | undefined;
    let lineAtMs: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) {
        if (firstLine === undefined) {
          firstLine = line;
          lineAtMs = performance.now() - start;
        }
        if (line.startsWith(REPORT_PREFIX) && report === undefined) {
          report = line.slice(REPORT_PREFIX.length);
          lineAtMs = performance.now() - start;
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = report ?? firstLine ?? '';
      if (code !== 0 || lineAtMs === undefined) {
        const why = signal === 'SIGKILL' ? `killed after ${timeoutMs} ms` : `exit ${String(code ?? signal)}`;
        reject(new ChildFailedError(`node ${args.join(' ')}: ${why}: ${lastLines(stderr || stdout)}`));
      } else {
        resolve({ line, lineAtMs, stderr });
      }
    });
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-5).join(' | ');
}
