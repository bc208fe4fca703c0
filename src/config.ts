import type { BearerVerifierOptions } from './auth/bearer-config';
import { BearerConfigError, loadBearerConfig } from './auth/bearer-config';

/** The environment, read once at cold start and checked, so a bad deployment fails loudly and early. */
export interface Config {
  readonly tableName: string;
  readonly region: string;
  /** Set to use a DynamoDB other than AWS's (the local engine); the SDK's default otherwise. */
  readonly dynamodbEndpoint?: string;
  /** Key that signs page tokens; rotating it invalidates outstanding tokens (clients get 400). */
  readonly pageTokenSecret: Buffer;
  readonly pageTokenTtlSeconds: number;
  /** CORS_ALLOWED_ORIGINS, comma-separated; none means no CORS headers. */
  readonly corsOrigins: readonly string[];
  readonly dynamodb: DynamoDbLimits;
  /** RESPONSE_VALIDATION_SAMPLE_RATE: share of responses checked against the spec in shadow mode, 0 to 1. */
  readonly responseValidationSampleRate: number;
  /** METRICS_NAMESPACE: the CloudWatch namespace of the EMF metrics; METRICS_DISABLED=true writes none. */
  readonly metricsNamespace: string;
  readonly metricsEnabled: boolean;
  /**
   * JWT_ISSUER, JWT_AUDIENCE and JWT_JWKS_URI (or JWT_JWKS, the key set itself), as the JWT Lambda
   * authorizer reads them (src/auth/bearer-config.ts): set when the function verifies bearer tokens
   * itself, behind an HTTP API without a JWT authorizer. Unset behind the REST API and the HTTP
   * API's JWT authorizer, which have verified every caller before the function runs.
   */
  readonly auth?: BearerVerifierOptions;
  readonly media: MediaConfig;
}

/** Where media files live and how their presigned URLs behave. */
export interface MediaConfig {
  /** MEDIA_BUCKET. */
  readonly bucket: string;
  /** S3_ENDPOINT: a path-style S3 other than AWS's (the local server). */
  readonly endpoint?: string;
  /** S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY, for that endpoint; the environment's AWS credentials otherwise. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** MEDIA_URL_TTL_SECONDS: lifetime of upload and download URLs; minutes (default 5), at most an hour. */
  readonly urlLifetimeSeconds: number;
  /**
   * MEDIA_CONFIRM_ON_READ=true: the API checks S3 when it reads a pending media. Locally; on AWS
   * the ObjectCreated worker confirms uploads and the function may not look.
   */
  readonly confirmOnRead: boolean;
}

/** How long a request may wait for DynamoDB before it answers 503 (see docs/reliability.md). */
export interface DynamoDbLimits {
  /** DYNAMODB_TIMEOUT_MS: one storage call, every attempt and backoff included. */
  readonly timeoutMs: number;
  /** DYNAMODB_ATTEMPT_TIMEOUT_MS: one attempt's connect and silent-socket limit. */
  readonly attemptTimeoutMs: number;
  /** DYNAMODB_MAX_ATTEMPTS: attempts per call, the first included. */
  readonly maxAttempts: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const DEFAULT_PAGE_TOKEN_TTL_SECONDS = 24 * 60 * 60;
/**
 * Three attempts of at most 1 s with backoff between them, inside a 3 s deadline: a request that
 * cannot reach DynamoDB answers 503 well inside the function's 10 s timeout, never as a gateway 504.
 */
const DEFAULT_DYNAMODB_LIMITS: DynamoDbLimits = { timeoutMs: 3000, attemptTimeoutMs: 1000, maxAttempts: 3 };
const DEFAULT_RESPONSE_VALIDATION_SAMPLE_RATE = 0.01;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const tableName = required(env, 'TABLE_NAME');
  const secret = Buffer.from(required(env, 'PAGE_TOKEN_SECRET'), 'base64');
  if (secret.length < 32)
    throw new ConfigError('PAGE_TOKEN_SECRET must be at least 32 bytes, base64-encoded');
  const ttl =
    env.PAGE_TOKEN_TTL_SECONDS === undefined
      ? DEFAULT_PAGE_TOKEN_TTL_SECONDS
      : Number(env.PAGE_TOKEN_TTL_SECONDS);
  if (!Number.isInteger(ttl) || ttl <= 0)
    throw new ConfigError('PAGE_TOKEN_TTL_SECONDS must be a positive integer');
  const sampleRate =
    env.RESPONSE_VALIDATION_SAMPLE_RATE === undefined || env.RESPONSE_VALIDATION_SAMPLE_RATE === ''
      ? DEFAULT_RESPONSE_VALIDATION_SAMPLE_RATE
      : Number(env.RESPONSE_VALIDATION_SAMPLE_RATE);
  if (!Number.isFinite(sampleRate) || sampleRate < 0 || sampleRate > 1)
    throw new ConfigError('RESPONSE_VALIDATION_SAMPLE_RATE must be a number from 0 to 1');
  const auth = bearerAuth(env);
  const media = loadMediaConfig(env);
  return {
    tableName,
    media,
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    ...(env.DYNAMODB_ENDPOINT !== undefined &&
      env.DYNAMODB_ENDPOINT !== '' && { dynamodbEndpoint: env.DYNAMODB_ENDPOINT }),
    pageTokenSecret: secret,
    pageTokenTtlSeconds: ttl,
    corsOrigins: (env.CORS_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    dynamodb: {
      timeoutMs: positiveInteger(env, 'DYNAMODB_TIMEOUT_MS', DEFAULT_DYNAMODB_LIMITS.timeoutMs),
      attemptTimeoutMs: positiveInteger(
        env,
        'DYNAMODB_ATTEMPT_TIMEOUT_MS',
        DEFAULT_DYNAMODB_LIMITS.attemptTimeoutMs,
      ),
      maxAttempts: positiveInteger(env, 'DYNAMODB_MAX_ATTEMPTS', DEFAULT_DYNAMODB_LIMITS.maxAttempts),
    },
    responseValidationSampleRate: sampleRate,
    metricsNamespace: env.METRICS_NAMESPACE?.trim() || 'ItemsApi',
    metricsEnabled: env.METRICS_DISABLED !== 'true',
    ...(auth !== undefined && { auth }),
  };
}

function bearerAuth(env: NodeJS.ProcessEnv): BearerVerifierOptions | undefined {
  if (env.JWT_ISSUER === undefined || env.JWT_ISSUER.trim() === '') return undefined;
  try {
    return loadBearerConfig(env);
  } catch (error) {
    throw error instanceof BearerConfigError ? new ConfigError(error.message) : error;
  }
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  if (!/^\d+$/.test(text.trim()) || Number(text) <= 0) {
    throw new ConfigError(`${name} must be a positive integer`);
  }
  return Number(text);
}

const DEFAULT_MEDIA_URL_TTL_SECONDS = 300;

/** The media bucket's settings, shared by the API function and the media workers. */
export function loadMediaConfig(env: NodeJS.ProcessEnv = process.env): MediaConfig {
  const s3Endpoint = optional(env, 'S3_ENDPOINT');
  const s3AccessKeyId = optional(env, 'S3_ACCESS_KEY_ID');
  const urlLifetimeSeconds = positiveInteger(env, 'MEDIA_URL_TTL_SECONDS', DEFAULT_MEDIA_URL_TTL_SECONDS);
  if (urlLifetimeSeconds > 3600) throw new ConfigError('MEDIA_URL_TTL_SECONDS must be at most 3600');
  return {
    bucket: required(env, 'MEDIA_BUCKET'),
    ...(s3Endpoint !== undefined && { endpoint: s3Endpoint }),
    ...(s3AccessKeyId !== undefined && {
      credentials: { accessKeyId: s3AccessKeyId, secretAccessKey: required(env, 'S3_SECRET_ACCESS_KEY') },
    }),
    urlLifetimeSeconds,
    confirmOnRead: env.MEDIA_CONFIRM_ON_READ === 'true',
  };
}

/** What the media workers read: the table, the bucket, the region. */
export interface WorkerConfig {
  readonly tableName: string;
  readonly region: string;
  readonly dynamodbEndpoint?: string;
  readonly media: MediaConfig;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const endpoint = optional(env, 'DYNAMODB_ENDPOINT');
  return {
    tableName: required(env, 'TABLE_NAME'),
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    ...(endpoint !== undefined && { dynamodbEndpoint: endpoint }),
    media: loadMediaConfig(env),
  };
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new ConfigError(`${name} is required`);
  return value;
}
