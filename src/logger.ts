/**
 * Structured logging: one JSON object per line, which CloudWatch Logs Insights can query by field.
 * Lines go to stdout with `process.stdout.write`, not `console.*`: the Lambda runtime rewrites
 * console output (a text prefix, or a JSON envelope with the JSON log format), which would break
 * the JSON lines and the EMF metric lines alike. Hand-written rather than Powertools Logger: that
 * costs 36 KB of bundle and about 19 ms of cold start here (docs/operators.md, "Observability").
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

/**
 * The hot path's way to log: a record whose members its producer serialises itself. The access
 * line is written once per request, so its constant parts are JSON once per container, not once
 * per line (src/http/middleware/access-log.ts).
 */
export interface RecordWriter {
  /** Whether lines at `level` are written: when not, the caller skips building the record. */
  enabled(level: LogLevel): boolean;
  /**
   * Writes the record the logger would write for `message` and `fields`, with `members` as their
   * JSON (`,"requestId":"r-1",…`: each member after a comma, no braces). `at` is the epoch
   * millisecond of its `timestamp`, so a caller that needs the time too reads the clock once.
   */
  write(level: LogLevel, message: string, fields: LogFields, members: string, at: number): void;
}

export type JsonLogger = Logger & RecordWriter;

export function isRecordWriter(logger: Logger): logger is JsonLogger {
  return 'write' in logger && typeof logger.write === 'function' && 'enabled' in logger;
}

/** A JSON logger writing the levels from `level` up; `base` fields go into every line. */
export function createJsonLogger(level: LogLevel, base: LogFields = {}): JsonLogger {
  const lowest = LOG_LEVELS.indexOf(level);
  const enabled = (name: LogLevel): boolean => LOG_LEVELS.indexOf(name) >= lowest;
  // The hot path writes one record ('request', info) over and over: the line's opening is kept.
  let lastLevel: LogLevel | undefined;
  let lastMessage = '';
  let lastHead = '';
  const baseMembers = Object.keys(base).length === 0 ? '' : `,${JSON.stringify(base).slice(1, -1)}`;
  const at =
    (name: LogLevel) =>
    (message: string, fields: LogFields = {}): void => {
      if (!enabled(name)) return;
      const line = JSON.stringify(
        { level: name, message, timestamp: new Date().toISOString(), ...base, ...fields },
        errorReplacer,
      );
      output({ kind: 'log', level: name, message, fields, line });
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    enabled,
    write(name, message, fields, members, time) {
      if (!enabled(name)) return;
      if (name !== lastLevel || message !== lastMessage) {
        lastLevel = name;
        lastMessage = message;
        lastHead = `{"level":"${name}","message":${JSON.stringify(message)},"timestamp":"`;
      }
      const line = `${lastHead}${isoTimestamp(time)}"${baseMembers}${members}}`;
      output({ kind: 'log', level: name, message, fields, line });
    },
  };
}

/** Printable ASCII but `"` and `\\`: such text is its own JSON string content. */
const JSON_SAFE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * `text` as it goes between the quotes of a JSON string: itself for the ids and paths of the
 * access line, which need no escapes, so the quotes can be part of the line's constant text.
 */
export function jsonStringContent(text: string): string {
  return JSON_SAFE.test(text) ? text : JSON.stringify(text).slice(1, -1);
}

/** `000` to `999`: the millisecond part of a timestamp as one piece, not a padding and a number. */
const MILLIS = Array.from({ length: 1000 }, (_, ms) => String(ms).padStart(3, '0'));

let isoSecond = Number.NaN;
let isoPrefix = '';
/** `new Date(ms).toISOString()`, formatting the date and time only when the second changes. */
export function isoTimestamp(ms: number): string {
  if (ms < 0 || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const millis = ms % 1000;
  const second = ms - millis;
  if (second !== isoSecond) {
    isoSecond = second;
    isoPrefix = new Date(second).toISOString().slice(0, 20);
  }
  return `${isoPrefix}${MILLIS[millis]}Z`;
}

let epochSecond = Number.NaN;
let epochPrefix = '';
/**
 * `String(ms)` for an epoch millisecond (the EMF `Timestamp`), converting the seconds only when
 * they change: such a number is no small integer, and its text costs as much as the rest of a member.
 */
export function epochMillisText(ms: number): string {
  const millis = ms % 1000;
  const second = ms - millis;
  if (ms < 1000 || !Number.isInteger(ms)) return String(ms);
  if (second !== epochSecond) {
    epochSecond = second;
    epochPrefix = String(second / 1000);
  }
  return `${epochPrefix}${MILLIS[millis]}`;
}

/** The process's logger, at `LOG_LEVEL`. */
export const jsonLogger: JsonLogger = createJsonLogger(logLevelFrom(process.env));

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
