import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** Settings that differ between stages; chosen with `-c stage=dev|prod`. */
export interface StageConfig {
  readonly stage: 'dev' | 'prod';
  /** Origins allowed by CORS. `*` only in dev. */
  readonly corsOrigins: readonly string[];
  readonly logRetention: RetentionDays;
  /** Keep the table (and its data) when the stack is deleted. */
  readonly retainData: boolean;
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /** API keys with a usage plan; off unless `-c apiKeys=true`. */
  readonly apiKeys?: {
    readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
    readonly quotaPerDay: number;
  };
  /** Email to subscribe to alarm notifications (an SNS topic is created when set). */
  readonly alarmEmail?: string;
  /** An existing Cognito user pool to authorize against; the stack creates one when absent. */
  readonly userPoolArn?: string;
  /** The front door: `-c gateway=rest|http` (REST by default); see README, Choosing a gateway. */
  readonly gateway: RestGateway | HttpGateway;
}

export interface RestGateway {
  readonly type: 'rest';
}

export interface HttpGateway {
  readonly type: 'http';
  /**
   * Who verifies bearer tokens, `-c httpAuthorizer=lambda|jwt`: the function (default; every 401 is
   * the spec's problem+json, unauthenticated calls are invocations), or the gateway's JWT
   * authorizer (its 401 body is `{"message":"Unauthorized"}`, which no setting changes).
   */
  readonly authorizer: 'lambda' | 'jwt';
  /** `-c jwtAudience=<client id>,…`: required with an existing pool; the stack's own client otherwise. */
  readonly audience?: readonly string[];
}

export const STAGES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

const isStage = (value: string): value is StageName => STAGES.some((stage) => stage === value);

/** Reads the stage settings from CDK context values (strings from `-c key=value`). */
export function stageConfig(context: (key: string) => unknown): StageConfig {
  const name = String(context('stage') ?? 'dev');
  if (!isStage(name)) throw new Error(`stage must be one of ${STAGES.join(', ')}; got ${name}`);
  const origins = context('corsOrigins');
  const corsOrigins =
    typeof origins === 'string' && origins.trim() !== ''
      ? origins.split(',').map((origin) => origin.trim())
      : name === 'dev'
        ? ['*']
        : ['https://app.example.com'];
  if (name !== 'dev' && corsOrigins.includes('*')) throw new Error('CORS origin * is allowed only in dev');
  const apiKeys = String(context('apiKeys') ?? 'false') === 'true';
  const alarmEmail = context('alarmEmail');
  const userPoolArn = context('userPoolArn');
  const gateway = gatewayChoice(context);
  if (gateway.type === 'http' && apiKeys)
    throw new Error('apiKeys=true needs gateway=rest: HTTP APIs have no API keys');
  if (
    gateway.type === 'http' &&
    typeof userPoolArn === 'string' &&
    userPoolArn !== '' &&
    gateway.audience === undefined
  )
    throw new Error('gateway=http with userPoolArn needs -c jwtAudience=<app client id>');
  return {
    stage: name,
    corsOrigins,
    logRetention: name === 'prod' ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_WEEK,
    retainData: name === 'prod',
    throttle: name === 'prod' ? { rateLimit: 100, burstLimit: 200 } : { rateLimit: 20, burstLimit: 40 },
    ...(apiKeys && { apiKeys: { throttle: { rateLimit: 10, burstLimit: 20 }, quotaPerDay: 10_000 } }),
    ...(typeof alarmEmail === 'string' && alarmEmail !== '' && { alarmEmail }),
    ...(typeof userPoolArn === 'string' && userPoolArn !== '' && { userPoolArn }),
    gateway,
  };
}

function gatewayChoice(context: (key: string) => unknown): RestGateway | HttpGateway {
  const type = String(context('gateway') ?? 'rest');
  if (type === 'rest') return { type };
  if (type !== 'http') throw new Error(`gateway must be rest or http; got ${type}`);
  const authorizer = String(context('httpAuthorizer') ?? 'lambda');
  if (authorizer !== 'lambda' && authorizer !== 'jwt')
    throw new Error(`httpAuthorizer must be lambda or jwt; got ${authorizer}`);
  const audience = context('jwtAudience');
  return {
    type,
    authorizer,
    ...(typeof audience === 'string' &&
      audience.trim() !== '' && { audience: audience.split(',').map((id) => id.trim()) }),
  };
}

/** What deleting the stack does to resources holding data (table, secret, user pool). */
export const dataRemovalPolicy = (config: Pick<StageConfig, 'retainData'>): RemovalPolicy =>
  config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
