import type { APIGatewayProxyEvent } from 'aws-lambda';
import { mountPrefix, requestProxyEvent } from '../../../src/local/gateway/rest-api-event';
import { exchange, startServer, type TestServer } from './node-requests';

describe('mountPrefix', () => {
  it.each([
    ['the execute-api URL: the stage', { via: 'execute-api' } as const, '/dev'],
    ["a custom domain's base path", { via: 'domain', basePath: 'v1' } as const, '/v1'],
    ["a domain's root: none", { via: 'domain' } as const, ''],
  ])('is, for %s', (_case, mount, prefix) => {
    expect(mountPrefix(mount, 'dev')).toBe(prefix);
  });
});

describe('requestProxyEvent', () => {
  const events: APIGatewayProxyEvent[] = [];
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk);
      const url = new URL(request.url ?? '/', 'http://localhost');
      events.push(
        requestProxyEvent(request, url, undefined, Buffer.concat(chunks), 'local', { via: 'domain' }),
      );
      response.setHeader('connection', 'close');
      response.end();
    });
  });
  afterAll(() => server.close());
  /** The event for one request, its head written as given (HTTP/1.0 may leave Host out). */
  const send = async (headers: string, body = Buffer.alloc(0), version = '1.1') => {
    events.length = 0;
    const head = `POST /items HTTP/${version}\r\nConnection: close\r\nContent-Length: ${body.length}\r\n${headers}\r\n`;
    await exchange(server.port, Buffer.concat([Buffer.from(head, 'latin1'), body]));
    return events[0];
  };

  it("keeps a repeated header's last value in headers and every value in multiValueHeaders", async () => {
    const event = await send('Host: localhost\r\nX-Tag: a\r\nX-Tag: b\r\n');

    expect(event?.headers['X-Tag']).toBe('b');
    expect(event?.multiValueHeaders['X-Tag']).toEqual(['a', 'b']);
  });

  it('keeps a header named __proto__ as an ordinary header', async () => {
    const event = await send('Host: localhost\r\n__proto__: x\r\n');

    expect(Object.hasOwn(event?.headers ?? {}, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(event?.headers)).toBe(Object.prototype);
  });

  it.each([
    ['UTF-8 text as it is', Buffer.from('{"name":"née"}'), '{"name":"née"}', false],
    ['bytes that are not UTF-8 base64-encoded', Buffer.from([0xff, 0xfe]), '//4=', true],
    ['no body as null', Buffer.alloc(0), null, false],
  ])('sends %s', async (_case, body, expected, isBase64Encoded) => {
    const event = await send('Host: localhost\r\n', body);

    expect(event).toMatchObject({ body: expected, isBase64Encoded });
  });

  it('names the host of the Host header, without its port, as the domain', async () => {
    const event = await send('Host: api.example.com:3000\r\n');

    expect(event?.requestContext.domainName).toBe('api.example.com');
  });

  it('names localhost as the domain when there is no Host header', async () => {
    const event = await send('', Buffer.alloc(0), '1.0');

    expect(event?.requestContext.domainName).toBe('localhost');
  });
});
