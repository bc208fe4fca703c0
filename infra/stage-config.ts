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
  /**
   * Whose bearer tokens the API accepts, `-c authorizer=cognito|jwt`: a Cognito user pool (default)
   * or any OIDC issuer (`jwtIssuer`, `jwtAudience`). Behind the REST API that is a Cognito or a
   * Lambda TOKEN authorizer; behind the HTTP API the same issuer and audience go to whoever
   * `gateway.authorizer` names.
   */
  readonly authorizer: AuthorizerConfig;
  /** The functions' application log level (Lambda's JSON log format filters by it); `-c logLevel=DEBUG`. */
  readonly logLevel: LogLevel;
  /** Provisioned concurrency on a `live` alias, scaled on utilization; off unless `-c provisionedConcurrency=N`. */
  readonly provisionedConcurrency?: {
    readonly min: number;
    readonly max: number;
    /** Target share (0–1) of provisioned concurrency in use. */
    readonly utilization: number;
  };
  /** Reserved concurrency for the API function (a ceiling and a guarantee); `-c reservedConcurrency=N`. */
  readonly reservedConcurrency?: number;
  /**
   * How CodeDeploy moves traffic to a new version of the API function, rolling back when its
   * alarms fire: `-c deployment=canary|linear|all-at-once`; canary on prod, all at once elsewhere.
   */
  readonly deployment: DeploymentMode;
  /**
   * AWS WAF on the REST API's stage (managed rules and a rate limit per source IP, in requests per
   * 5 minutes): `-c waf=true|false`, on by default in prod; `-c wafRateLimit=N`. Not for HTTP APIs,
   * which WAF cannot guard.
   */
  readonly waf?: { readonly rateLimit: number };
  /** The front door: `-c gateway=rest|http` (REST by default); see docs/operators.md. */
  readonly gateway: RestGateway | HttpGateway;
}

export interface RestGateway {
  readonly type: 'rest';
}

export interface HttpGateway {
  readonly type: 'http';
  /**
   * Who verifies bearer tokens of `authorizer`'s issuer, `-c httpAuthorizer=lambda|jwt`: the
   * function (default; every 401 is the spec's problem+json, unauthenticated calls are
   * invocations), or the gateway's built-in JWT authorizer (its 401 body is
   * `{"message":"Unauthorized"}`, which no setting changes).
   */
  readonly authorizer: 'lambda' | 'jwt';
}

export type AuthorizerConfig =
  | {
      readonly kind: 'cognito';
      /**
       * Client IDs accepted in `aud` / `client_id` behind the HTTP API (`-c jwtAudience=…`): required
       * with an existing pool there, the stack's own client otherwise. The REST API's Cognito
       * authorizer accepts any client of the pool.
       */
      readonly audience?: readonly string[];
    }
  | {
      readonly kind: 'jwt';
      /** The issuer (`iss`), e.g. `https://<tenant>.auth0.com/`. */
      readonly issuer: string;
      /** Accepted audiences (`aud`). */
      readonly audience: readonly string[];
      /** Where the issuer publishes its keys; the authorizer defaults to `<issuer>/.well-known/jwks.json`. */
      readonly jwksUri?: string;
      /** How long API Gateway caches an authorizer result per token (0 turns caching off; at most 3600). */
      readonly resultTtlSeconds: number;
    };

export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const isLogLevel = (value: string): value is LogLevel => LOG_LEVELS.some((level) => level === value);

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
  const logLevel = String(context('logLevel') ?? 'INFO').toUpperCase();
  if (!isLogLevel(logLevel))
    throw new Error(`logLevel must be one of ${LOG_LEVELS.join(', ')}; got ${logLevel}`);
  const reservedConcurrency = optionalNumber(context, 'reservedConcurrency', { min: 1, integer: true });
  const provisionedMin = optionalNumber(context, 'provisionedConcurrency', { min: 1, integer: true });
  const provisionedConcurrency =
    provisionedMin === undefined
      ? undefined
      : {
          min: provisionedMin,
          max:
            optionalNumber(context, 'provisionedConcurrencyMax', { min: provisionedMin, integer: true }) ??
            provisionedMin,
          utilization:
            optionalNumber(context, 'provisionedConcurrencyUtilization', { min: 0.1, max: 0.9 }) ?? 0.7,
        };
  if (
    provisionedConcurrency !== undefined &&
    reservedConcurrency !== undefined &&
    provisionedConcurrency.max > reservedConcurrency
  )
    throw new Error('provisionedConcurrencyMax must not exceed reservedConcurrency');
  const deployment = String(context('deployment') ?? (name === 'prod' ? 'canary' : 'all-at-once'));
  if (!isDeploymentMode(deployment))
    throw new Error(`deployment must be one of ${DEPLOYMENT_MODES.join(', ')}; got ${deployment}`);
  const gateway = gatewayChoice(context);
  const wafOption = context('waf');
  const wafOn =
    wafOption === undefined ? name === 'prod' && gateway.type === 'rest' : String(wafOption) === 'true';
  if (wafOn && gateway.type === 'http')
    throw new Error('waf=true needs gateway=rest: AWS WAF cannot be associated with an HTTP API');
  const waf = wafOn
    ? { rateLimit: optionalNumber(context, 'wafRateLimit', { min: 10, integer: true }) ?? 1000 }
    : undefined;
  if (gateway.type === 'http' && apiKeys)
    throw new Error('apiKeys=true needs gateway=rest: HTTP APIs have no API keys');
  const authorizer = authorizerConfig(context);
  if (
    gateway.type === 'http' &&
    authorizer.kind === 'cognito' &&
    typeof userPoolArn === 'string' &&
    userPoolArn !== '' &&
    authorizer.audience === undefined
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
    authorizer,
    logLevel,
    ...(provisionedConcurrency !== undefined && { provisionedConcurrency }),
    ...(reservedConcurrency !== undefined && { reservedConcurrency }),
    deployment,
    ...(waf !== undefined && { waf }),
    gateway,
  };
}

export const DEPLOYMENT_MODES = ['canary', 'linear', 'all-at-once'] as const;
export type DeploymentMode = (typeof DEPLOYMENT_MODES)[number];
const isDeploymentMode = (value: string): value is DeploymentMode =>
  DEPLOYMENT_MODES.some((mode) => mode === value);

function gatewayChoice(context: (key: string) => unknown): RestGateway | HttpGateway {
  const type = String(context('gateway') ?? 'rest');
  if (type === 'rest') return { type };
  if (type !== 'http') throw new Error(`gateway must be rest or http; got ${type}`);
  const authorizer = String(context('httpAuthorizer') ?? 'lambda');
  if (authorizer !== 'lambda' && authorizer !== 'jwt')
    throw new Error(`httpAuthorizer must be lambda or jwt; got ${authorizer}`);
  return { type, authorizer };
}

function authorizerConfig(context: (key: string) => unknown): AuthorizerConfig {
  const kind = String(context('authorizer') ?? 'cognito');
  const audience = audienceList(context('jwtAudience'));
  if (kind === 'cognito') return { kind, ...(audience !== undefined && { audience }) };
  if (kind !== 'jwt') throw new Error(`authorizer must be cognito or jwt; got ${kind}`);
  const issuer = context('jwtIssuer');
  if (typeof issuer !== 'string' || !issuer.startsWith('https://'))
    throw new Error('authorizer=jwt needs -c jwtIssuer=https://…');
  if (audience === undefined) throw new Error('authorizer=jwt needs -c jwtAudience=<aud>[,<aud>…]');
  const jwksUri = context('jwtJwksUri');
  if (jwksUri !== undefined && (typeof jwksUri !== 'string' || !jwksUri.startsWith('https://')))
    throw new Error('jwtJwksUri must be an https URL');
  return {
    kind,
    issuer,
    audience,
    ...(typeof jwksUri === 'string' && { jwksUri }),
    resultTtlSeconds:
      optionalNumber(context, 'authorizerCacheTtl', { min: 0, max: 3600, integer: true }) ?? 300,
  };
}

/** `-c jwtAudience=a,b`: the accepted audiences, or undefined when none is given. */
function audienceList(value: unknown): readonly string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const audience = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return audience.length === 0 ? undefined : audience;
}

function optionalNumber(
  context: (key: string) => unknown,
  key: string,
  { min, max = Number.MAX_SAFE_INTEGER, integer = false }: { min: number; max?: number; integer?: boolean },
): number | undefined {
  const raw = context(key);
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
    throw new Error(
      `${key} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}; got ${String(raw)}`,
    );
  return value;
}

/** What deleting the stack does to resources holding data (table, secret, user pool). */
export const dataRemovalPolicy = (config: Pick<StageConfig, 'retainData'>): RemovalPolicy =>
  config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
