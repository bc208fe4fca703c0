/**
 * The local S3: @20minutes/s3rver 4.0.4 in this process, which verifies SigV4 signatures (header
 * and presigned), so a tampered URL, another Content-Type or another length gets 403 as on AWS
 * (issue 12 measured this; s3rver 3.x checks nothing). The bucket and its CORS rules are made by
 * its `configureBuckets` start option, never through bucket-level requests, which this version
 * signs-checks against `/bucket` while SDK v3 signs `/bucket/` (403). Nothing here lists objects:
 * paged ListObjectsV2 fails on Node ≥ 17 without --openssl-legacy-provider.
 */
import { mkdir } from 'node:fs/promises';
import S3rver from '@20minutes/s3rver';

/** s3rver's built-in account: the only credentials it accepts. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface LocalS3Options {
  readonly bucket: string;
  /** Where objects live; a fresh temporary directory for tests. */
  readonly directory: string;
  /** Origins browsers may upload from and download to (CORS); `*` for any. */
  readonly corsOrigins: readonly string[];
  readonly port?: number;
  /** Called for every object stored (S3's ObjectCreated notification), with the object's key. */
  readonly onObjectCreated?: (key: string) => void;
}

export interface LocalS3 {
  /** The path-style endpoint, e.g. http://127.0.0.1:4569. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  await mkdir(options.directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
    // Path-style only: the endpoint is an IP address, there are no bucket subdomains.
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucket, configs: [corsConfiguration(options.corsOrigins)] }],
  });
  if (options.onObjectCreated !== undefined) {
    const notify = options.onObjectCreated;
    server.on('event', (event: unknown) => {
      for (const key of createdKeys(event)) notify(key);
    });
  }
  const address = await server.run();
  return { endpoint: `http://127.0.0.1:${address.port}`, stop: () => server.close() };
}

/** The bucket's CORS rules, as the CDK bucket has them: PUT and GET from the origins, ETag exposed. */
export function corsConfiguration(origins: readonly string[]): string {
  const allowed = (origins.length > 0 ? origins : ['*']).map(
    (origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`,
  );
  return [
    '<CORSConfiguration><CORSRule>',
    ...allowed,
    '<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>',
    '<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds>',
    '</CORSRule></CORSConfiguration>',
  ].join('');
}

/** Keys of ObjectCreated records in an S3 event notification (the shape AWS sends). */
function createdKeys(event: unknown): string[] {
  if (typeof event !== 'object' || event === null || !('Records' in event) || !Array.isArray(event.Records))
    return [];
  return event.Records.flatMap((record: unknown) => {
    if (typeof record !== 'object' || record === null) return [];
    const { eventName, s3 } = record as { eventName?: unknown; s3?: { object?: { key?: unknown } } };
    const key = s3?.object?.key;
    return typeof eventName === 'string' && eventName.startsWith('ObjectCreated') && typeof key === 'string'
      ? [decodeURIComponent(key.replace(/\+/g, ' '))]
      : [];
  });
}
