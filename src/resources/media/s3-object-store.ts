/**
 * The object store on S3 with SigV4 alone: presigned PUT/GET through `S3RequestPresigner`, and
 * HEAD/DELETE as requests signed with `@smithy/signature-v4` and sent with fetch. No S3 client is
 * loaded, so the API function carries only the signer (issue 12: "items don't pay for media").
 *
 * Traps this avoids (issue 12): the presigner is given a bare request, so no flexible-checksum
 * middleware runs and no `x-amz-checksum-*` lands in a URL (the client's `WHEN_REQUIRED`
 * behaviour); Content-Type is only signed when named in `signableHeaders`, so it is.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { SignatureV4 } from '@smithy/signature-v4';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  Checksum,
  HttpRequest,
  SourceData,
} from '@smithy/types';
import { StorageUnavailableError } from '../../errors/storage-unavailable-error';
import { attachmentDisposition } from './content-disposition';
import type {
  DownloadPresentation,
  ObjectStore,
  PresignedRequest,
  StoredObject,
  UploadDeclaration,
} from './object-store';

/** The object metadata naming its media record (x-amz-meta-*: S3 stores and returns it). */
export const RECORD_METADATA = 'x-amz-meta-record';
export interface S3ObjectStoreOptions {
  readonly bucket: string;
  readonly region: string;
  /** A path-style endpoint (the local S3 server); AWS's virtual-hosted endpoint when absent. */
  readonly endpoint?: string | undefined;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Lifetime of presigned URLs. Minutes, not hours: a leaked URL is soon worthless. */
  readonly urlLifetimeSeconds: number;
  /** Tags every upload carries (signed, so the client must send them), e.g. for lifecycle rules. */
  readonly uploadTagging?: string | undefined;
  /** One HEAD/DELETE attempt's limit. */
  readonly attemptTimeoutMs?: number;
}

/** SHA-256 of the empty body: HEAD and DELETE send none. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export class S3ObjectStore implements ObjectStore {
  private readonly presigner: S3RequestPresigner;
  private readonly signer: SignatureV4;
  private readonly base: URL;
  private readonly pathStyle: boolean;

  constructor(private readonly options: S3ObjectStoreOptions) {
    const signing = { credentials: options.credentials, region: options.region, sha256: NodeSha256 };
    this.presigner = new S3RequestPresigner(signing);
    this.signer = new SignatureV4({ ...signing, service: 's3', uriEscapePath: false, applyChecksum: false });
    this.pathStyle = options.endpoint !== undefined;
    this.base = new URL(options.endpoint ?? `https://${options.bucket}.s3.${options.region}.amazonaws.com`);
  }

  async presignPut(key: string, declaration: UploadDeclaration): Promise<PresignedRequest> {
    const headers: Record<string, string> = {
      'Content-Type': declaration.contentType,
      'Content-Length': String(declaration.size),
      ...(this.options.uploadTagging !== undefined && { 'x-amz-tagging': this.options.uploadTagging }),
      ...(declaration.record !== undefined && { [RECORD_METADATA]: declaration.record }),
    };
    return this.presign('PUT', key, {}, headers);
  }

  presignGet(key: string, presentation: DownloadPresentation): Promise<PresignedRequest> {
    return this.presign(
      'GET',
      key,
      {
        'response-content-type': presentation.contentType,
        'response-content-disposition': attachmentDisposition(presentation.fileName),
      },
      {},
    );
  }

  async head(key: string): Promise<StoredObject | undefined> {
    const response = await this.send('HEAD', key);
    if (response.status === 404) return undefined;
    if (!response.ok) throw failure('HEAD', key, response.status);
    return {
      size: Number(response.headers.get('content-length') ?? Number.NaN),
      contentType: response.headers.get('content-type') ?? undefined,
      record: response.headers.get(RECORD_METADATA) ?? undefined,
    };
  }

  async retag(key: string, tagging: string): Promise<void> {
    const tags = new URLSearchParams(tagging);
    const body = `<Tagging><TagSet>${[...tags]
      .map(([name, value]) => `<Tag><Key>${xmlText(name)}</Key><Value>${xmlText(value)}</Value></Tag>`)
      .join('')}</TagSet></Tagging>`;
    const response = await this.send('PUT', key, { tagging: '' }, body);
    if (!response.ok) throw failure('PUT tagging', key, response.status);
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    if (!response.ok && response.status !== 404) throw failure('DELETE', key, response.status);
  }

  private async presign(
    method: 'PUT' | 'GET',
    key: string,
    query: Record<string, string>,
    headers: Record<string, string>,
  ): Promise<PresignedRequest> {
    const signedAt = new Date();
    const signed = await this.presigner.presign(this.request(method, key, query, headers), {
      expiresIn: this.options.urlLifetimeSeconds,
      signingDate: signedAt,
      signableHeaders: new Set(['content-type', 'content-length']),
      // Tagging stays a header the client sends; hoisted into the query S3 would ignore it.
      unhoistableHeaders: new Set(['x-amz-tagging', RECORD_METADATA]),
    });
    return {
      url: toUrl(signed),
      headers,
      expiresAt: new Date(
        Math.floor(signedAt.getTime() / 1000) * 1000 + this.options.urlLifetimeSeconds * 1000,
      ),
    };
  }

  private async send(
    method: 'HEAD' | 'DELETE' | 'PUT',
    key: string,
    query: Record<string, string> = {},
    body?: string,
  ): Promise<Response> {
    const headers: Record<string, string> =
      body === undefined
        ? { 'x-amz-content-sha256': EMPTY_SHA256 }
        : {
            'content-type': 'application/xml',
            // PutObjectTagging requires Content-MD5.
            'content-md5': createHash('md5').update(body).digest('base64'),
            'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
          };
    const signed = await this.signer.sign({ ...this.request(method, key, query, headers), body });
    const { host: _host, ...sent } = signed.headers;
    try {
      return await fetch(toUrl(signed), {
        method,
        headers: sent,
        ...(body !== undefined && { body }),
        signal: AbortSignal.timeout(this.options.attemptTimeoutMs ?? 3000),
      });
    } catch (error) {
      throw new StorageUnavailableError({ cause: error });
    }
  }

  private request(
    method: string,
    key: string,
    query: Record<string, string>,
    headers: Record<string, string>,
  ): HttpRequest {
    const basePath = this.base.pathname.replace(/\/$/, '');
    const objectPath = `/${key.split('/').map(encodeURIComponent).join('/')}`;
    return {
      method,
      protocol: this.base.protocol,
      hostname: this.base.hostname,
      ...(this.base.port !== '' && { port: Number(this.base.port) }),
      path: this.pathStyle ? `${basePath}/${this.options.bucket}${objectPath}` : objectPath,
      query,
      headers: { host: this.base.host, ...headers },
    };
  }
}

function toUrl(request: HttpRequest): string {
  const port = request.port === undefined ? '' : `:${request.port}`;
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(request.query ?? {})) {
    for (const each of Array.isArray(value) ? value : [value]) {
      if (typeof each === 'string') pairs.push(`${escapeUri(name)}=${escapeUri(each)}`);
    }
  }
  return `${request.protocol}//${request.hostname}${port}${request.path}${pairs.length === 0 ? '' : `?${pairs.join('&')}`}`;
}

/** RFC 3986 encoding, as SigV4 canonicalises the query: what is signed is what is sent. */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function failure(method: string, key: string, status: number): Error {
  const message = `${method} ${key} answered ${status}`;
  // S3's 5xx and throttling (503 SlowDown) are "try later"; anything else is a bug here.
  return status >= 500 || status === 429
    ? new StorageUnavailableError({ cause: new Error(message) })
    : new Error(message);
}

/** The SDK's Checksum interface on node:crypto (what @smithy/hash-node does), HMAC when given a secret. */
class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.create();
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.create();
  }
  private create(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
}

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string' || data instanceof Uint8Array) return data;
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
