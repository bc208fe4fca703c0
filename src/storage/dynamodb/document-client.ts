import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DocumentClientOptions {
  /** A non-AWS endpoint (the local engine); the SDK's default resolution applies when absent. */
  readonly endpoint?: string;
  readonly region: string;
  /** One attempt's limit for connecting and for a silent socket; a timed-out attempt is retried. */
  readonly attemptTimeoutMs?: number;
  /** Attempts per call, the first included, with the SDK's standard backoff between them. */
  readonly maxAttempts?: number;
}

/** Defaults that fit the 10 s function timeout with room for the rest of the request (see docs/reliability.md). */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 1000;
export const DEFAULT_MAX_ATTEMPTS = 3;

/** A DynamoDB client for AWS or, given an endpoint, for a local engine. */
export function createDynamoDbClient(options: DocumentClientOptions): DynamoDBClient {
  const attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  return new DynamoDBClient({
    region: options.region,
    // Throttling, 5xx, timeouts and dropped connections are retried with jittered exponential
    // backoff; the repository's deadline bounds the whole call.
    retryMode: 'standard',
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    // Without these an attempt waits as long as the socket stays open: a held answer blocked a GET for 40 s.
    requestHandler: {
      connectionTimeout: attemptTimeoutMs,
      requestTimeout: attemptTimeoutMs,
      // Otherwise a silent socket only logs a warning and the attempt keeps waiting.
      throwOnRequestTimeout: true,
    },
    ...(options.endpoint !== undefined && {
      endpoint: options.endpoint,
      // The local engine accepts any credentials; fixed ones keep a developer's AWS profile out of it.
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  });
}

/** The one SDK client of a process: create it once per container, never per request. */
export function createDocumentClient(options: DocumentClientOptions): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoDbClient(options), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
