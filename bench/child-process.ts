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

export class ChildFailedError extends Error {
  override readonly name = 'ChildFailedError';
}

/** Runs `node <args>` and resolves with its report line once it has exited. */
export function runNode(args: readonly string[], timeoutMs: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    // Only the tail is kept: the bundles' own log lines can run to hundreds of megabytes.
    let stdout = '';
    let stderr = '';
    let report: string | undefined;
    let lineAtMs: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) {
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
      const line = report ?? '';
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
