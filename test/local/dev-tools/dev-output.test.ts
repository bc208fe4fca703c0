import { devOutput } from '../../../src/local/dev-tools/dev-output';
import { createJsonLogger, setOutput, writeMetricsLine } from '../../../src/logger';

describe('devOutput (npm start)', () => {
  afterEach(() => setOutput(({ line }) => process.stdout.write(`${line}\n`)));

  it.each([
    [false, expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} GET {4}\/items\/x 404 1\.5ms getItem req=r-1\n$/)],
    [true, expect.stringContaining('\u001b[33m404\u001b[0m')],
  ])(
    'renders an access line as one readable line (colour %s); hides EMF unless asked',
    (colour, expected) => {
      // Prepare
      const written: string[] = [];
      setOutput(devOutput({ colour, showMetrics: false, write: (text) => written.push(text) }));
      const logger = createJsonLogger('info');

      // Act
      logger.info('request', {
        requestId: 'r-1',
        operationId: 'getItem',
        method: 'GET',
        path: '/items/x',
        status: 404,
        latencyMs: 1.5,
        coldStart: false,
      });
      writeMetricsLine('{"_aws":{}}');
      logger.error('request failed', { requestId: 'r-2' });

      // Assess
      expect(written).toHaveLength(2);
      expect(written[0]).toEqual(expected);
      expect(written[1]).toContain('"message":"request failed"');
    },
  );

  it("shows the access line's JSON, metrics included, and metric-only lines at LOG_LEVEL=debug", () => {
    // Prepare
    const written: string[] = [];
    setOutput(devOutput({ colour: false, showMetrics: true, write: (text) => written.push(text) }));
    const logger = createJsonLogger('debug');
    const fields = {
      requestId: 'r-1',
      method: 'GET',
      path: '/items/x',
      status: 200,
      latencyMs: 1.5,
      coldStart: false,
    };

    // Act
    logger.write('info', 'request', fields, ',"requestId":"r-1","_aws":{}', Date.now());
    writeMetricsLine('{"_aws":{}}');

    // Assess
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/ GET {4}\/items\/x 200 1\.5ms - req=r-1\n\{"level":"info".*"_aws":\{\}\}\n$/);
    expect(written[1]).toBe('{"_aws":{}}\n');
  });
});
