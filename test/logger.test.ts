import { createJsonLogger, isoTimestamp, type OutputLine, setOutput } from '../src/logger';

describe('JSON logger', () => {
  afterEach(() => setOutput(({ line }) => process.stdout.write(`${line}\n`)));

  it.each([
    0,
    Date.UTC(2026, 11, 1, 13, 30, 52, 7),
    Date.UTC(2026, 11, 1, 13, 30, 52, 42),
    Date.UTC(2026, 11, 1, 13, 30, 52, 999),
    Date.UTC(2026, 11, 1, 13, 30, 53, 0),
    Date.UTC(2026, 11, 1, 13, 30, 52, 100),
  ])('formats %d as toISOString does, whichever second came before', (ms) => {
    expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
  });

  it('writes a prepared record as the line info() would write for the same fields', () => {
    // Prepare
    const written: OutputLine[] = [];
    setOutput((entry) => written.push(entry));
    const logger = createJsonLogger('info', { service: 'x' });
    const fields = { requestId: 'r-1', status: 200 };

    // Act
    logger.write('info', 'request', fields, ',"requestId":"r-1","status":200', Date.UTC(2026, 0, 2));
    logger.write('debug', 'request', fields, ',"requestId":"r-1","status":200', Date.UTC(2026, 0, 2));
    logger.info('request', fields);

    // Assess
    expect(written).toHaveLength(2);
    const [prepared, plain] = written.map(({ line }) => JSON.parse(line) as Record<string, unknown>);
    expect(prepared).toEqual({ ...plain, timestamp: '2026-01-02T00:00:00.000Z' });
    expect(written[0]).toMatchObject({ kind: 'log', level: 'info', message: 'request', fields });
    expect(logger.enabled('debug')).toBe(false);
    expect(logger.enabled('warn')).toBe(true);
  });
});
