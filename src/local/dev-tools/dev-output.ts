/**
 * How `npm start` shows what it does: each access line as one readable line (method, path,
 * status, latency, operation, request id), in colour on a terminal and plain otherwise; other log
 * lines as they are. The access line is also the EMF metrics record; its JSON (and a metrics-only
 * line, when LOG_LEVEL is above info) is shown too at LOG_LEVEL=debug. The records are the ones
 * the Lambda writes (src/http/middleware/access-log.ts), rendered, not a second log.
 */
import { asAccessRecord } from '../../http/middleware/access-log';
import type { Output } from '../../logger';

const paint = (colour: boolean, code: number, text: string): string =>
  colour ? `\u001b[${code}m${text}\u001b[0m` : text;

function statusColour(status: number): number {
  if (status >= 500) return 31;
  if (status >= 400) return 33;
  if (status >= 300) return 36;
  return 32;
}

export function devOutput(options: {
  readonly colour: boolean;
  readonly showMetrics: boolean;
  readonly write: (text: string) => void;
}): Output {
  const { colour, showMetrics, write } = options;
  return (entry) => {
    if (entry.kind === 'metrics') {
      if (showMetrics) write(`${paint(colour, 2, entry.line)}\n`);
      return;
    }
    const access = asAccessRecord(entry.message, entry.fields);
    if (access === undefined) {
      write(
        `${entry.level === 'error' || entry.level === 'warn' ? paint(colour, 31, entry.line) : entry.line}\n`,
      );
      return;
    }
    const time = new Date().toISOString().slice(11, 23);
    write(
      `${[
        paint(colour, 2, time),
        access.method.padEnd(6),
        access.path,
        paint(colour, statusColour(access.status), String(access.status)),
        `${access.latencyMs.toFixed(1)}ms`,
        paint(colour, 1, access.operationId ?? '-'),
        paint(colour, 2, `req=${access.requestId}`),
      ].join(' ')}\n${showMetrics ? `${paint(colour, 2, entry.line)}\n` : ''}`,
    );
  };
}
