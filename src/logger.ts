/**
 * Structured logging: one JSON object per line, which CloudWatch Logs Insights can query by field.
 * Lines go to stdout with `process.stdout.write`, not `console.*`: the Lambda runtime rewrites
 * console output (a text prefix, or a JSON envelope with the JSON log format), which would break
 * the JSON lines and the EMF metric lines alike. Hand-written rather than Powertools Logger: that
 * costs 36 KB of bundle and about 19 ms of cold start here (README, "Observability").
 */

/** Lowest first. `LOG_LEVEL` picks the lowest level written; Lambda's TRACE and FATAL map onto these. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** One finished line: a log record, or a CloudWatch EMF metrics document. */
export type OutputLine =
  | {
      readonly kind: 'log';
      readonly level: LogLevel;
      readonly message: string;
      readonly fields: LogFields;
      readonly line: string;
    }
  | { readonly kind: 'metrics'; readonly line: string };

export type Output = (entry: OutputLine) => void;

const stdout: Output = ({ line }) => {
  process.stdout.write(`${line}\n`);
};
let output: Output = stdout;

/**
 * Replaces where lines go, for the whole process: `npm start` renders them for a terminal. The
 * Lambda and tests keep stdout, so the same middleware produces the same records everywhere.
 */
export function setOutput(next: Output): void {
  output = next;
}

/** Writes a line that is already JSON (an EMF document) through the current output. */
export function writeMetricsLine(line: string): void {
  output({ kind: 'metrics', line });
}

const ALIASES: Readonly<Record<string, LogLevel>> = { trace: 'debug', warning: 'warn', fatal: 'error' };

/** `LOG_LEVEL`, case-insensitive, default info; anything else fails at cold start with the choices. */
export function logLevelFrom(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'info';
  const level = LOG_LEVELS.find((known) => known === raw) ?? ALIASES[raw];
  if (level === undefined) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${raw}"`);
  return level;
}

/** A JSON logger writing the levels from `level` up; `base` fields go into every line. */
export function createJsonLogger(level: LogLevel, base: LogFields = {}): Logger {
  const lowest = LOG_LEVELS.indexOf(level);
  const at =
    (name: LogLevel) =>
    (message: string, fields: LogFields = {}): void => {
      if (LOG_LEVELS.indexOf(name) < lowest) return;
      const line = JSON.stringify(
        { level: name, message, timestamp: new Date().toISOString(), ...base, ...fields },
        errorReplacer,
      );
      output({ kind: 'log', level: name, message, fields, line });
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The process's logger, at `LOG_LEVEL`. */
export const jsonLogger: Logger = createJsonLogger(logLevelFrom(process.env));

/** Errors have no enumerable fields; log what identifies them, where they came from, and their cause. */
function errorReplacer(_key: string, value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return {
    name: value.name,
    message: value.message,
    stack: value.stack,
    ...(value.cause !== undefined && { cause: value.cause }),
  };
}
