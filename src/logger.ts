/** Structured logging: one JSON object per line, which CloudWatch Logs Insights can query by field. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const jsonLogger: Logger = {
  info: (message, fields) => write('info', message, fields),
  error: (message, fields) => write('error', message, fields),
};

function write(level: string, message: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify(
    { level, message, timestamp: new Date().toISOString(), ...fields },
    errorReplacer,
  );
  if (level === 'error') console.error(line);
  else console.log(line);
}

/** Errors have no enumerable fields; log what identifies them and where they came from. */
function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}
