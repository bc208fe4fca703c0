import {
  createJsonLogger,
  epochMillisText,
  isoTimestamp,
  jsonStringContent,
  type OutputLine,
  setOutput,
} from '../src/logger';

describe('JSON logger', () => {
  afterEach(() => setOutput(({ line }) => process.stdout.write(`${line}\n`)));

  it.each([
    0,
    Date.UTC(2026, 11, 1, 13, 30, 52, 7),
    Date.UTC(2026, 11, 1, 13, 30, 52, 42),
    Date.UTC(2026, 11, 1, 13, 30, 52, 999),
    Date.UTC(2026, 11, 1, 13, 30, 53, 0),
    Date.UTC(2026, 11, 1, 13, 30, 52, 100),
    Date.UTC(2026, 11, 1, 13, 30, 52, 100) + 0.5,
    -1,
  ])('formats %d as toISOString does, whichever second came before', (ms) => {
    expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
  });

  it.each([
    0,
    7,
    999,
    1000,
    Date.UTC(2026, 11, 1, 13, 30, 52, 7),
    Date.UTC(2026, 11, 1, 13, 30, 52, 42),
    Date.UTC(2026, 11, 1, 13, 30, 53, 0),
    Date.UTC(2026, 11, 1, 13, 30, 52, 999),
    1.5,
    -1,
  ])('writes the epoch millisecond %d as String does, whichever second came before', (ms) => {
    expect(epochMillisText(ms)).toBe(String(ms));
  });

  it.each([
    'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    '/items/abc',
    '',
    'a"b',
    'back\\slash',
    'line\nbreak',
    '\u0000\u001f\u007f',
    'caf\u00e9 \u2028 \ud83d\ude00 \ud800',
  ])('puts %j between quotes as JSON.stringify does', (text) => {
    expect(`"${jsonStringContent(text)}"`).toBe(JSON.stringify(text));
  });

  it('writes each record with its own level and message, whichever came before', () => {
    // Prepare
    const written: OutputLine[] = [];
    setOutput((entry) => written.push(entry));
    const logger = createJsonLogger('info');
    const at = Date.UTC(2026, 0, 2);

    // Act
    logger.write('info', 'request', {}, '', at);
    logger.write('warn', 'request', {}, '', at);
    logger.write('warn', 'other "one"', {}, '', at);
    logger.write('info', 'request', {}, '', at);

    // Assess
    expect(written.map(({ line }) => JSON.parse(line) as unknown)).toEqual(
      [
        ['info', 'request'],
        ['warn', 'request'],
        ['warn', 'other "one"'],
        ['info', 'request'],
      ].map(([level, message]) => ({ level, message, timestamp: '2026-01-02T00:00:00.000Z' })),
    );
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
