import { loadConfig } from '../src/config';

const secret = Buffer.alloc(32, 7).toString('base64');

describe('loadConfig', () => {
  it('reads a complete environment', () => {
    const config = loadConfig({
      TABLE_NAME: 'items',
      PAGE_TOKEN_SECRET: secret,
      MEDIA_BUCKET: 'media',
      AWS_REGION: 'eu-west-1',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
    });

    expect(config).toMatchObject({
      tableName: 'items',
      region: 'eu-west-1',
      dynamodbEndpoint: 'http://127.0.0.1:8000',
      pageTokenTtlSeconds: 86400,
    });
    expect(config.pageTokenSecret).toHaveLength(32);
  });

  it('leaves the endpoint to the SDK when none is set', () => {
    expect(
      loadConfig({ TABLE_NAME: 'items', PAGE_TOKEN_SECRET: secret, MEDIA_BUCKET: 'media' }).dynamodbEndpoint,
    ).toBeUndefined();
  });

  it.each([
    [{ PAGE_TOKEN_SECRET: secret, MEDIA_BUCKET: 'media' }, 'TABLE_NAME is required'],
    [{ TABLE_NAME: ' ', PAGE_TOKEN_SECRET: secret, MEDIA_BUCKET: 'media' }, 'TABLE_NAME is required'],
    [{ TABLE_NAME: 'items' }, 'PAGE_TOKEN_SECRET is required'],
    [{ TABLE_NAME: 'items', PAGE_TOKEN_SECRET: secret }, 'MEDIA_BUCKET is required'],
    [
      {
        TABLE_NAME: 'items',
        PAGE_TOKEN_SECRET: secret,
        MEDIA_BUCKET: 'media',
        MEDIA_URL_TTL_SECONDS: '86400',
      },
      'MEDIA_URL_TTL_SECONDS must be at most 3600',
    ],
    [{ TABLE_NAME: 'items', PAGE_TOKEN_SECRET: 'c2hvcnQ=' }, 'PAGE_TOKEN_SECRET must be at least 32 bytes'],
    [
      {
        TABLE_NAME: 'items',
        PAGE_TOKEN_SECRET: secret,
        MEDIA_BUCKET: 'media',
        PAGE_TOKEN_TTL_SECONDS: 'soon',
      },
      'PAGE_TOKEN_TTL_SECONDS must be a positive integer',
    ],
  ])('fails with a clear message for %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
