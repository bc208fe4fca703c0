import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Json } from '../src/spec/openapi-document';
import { Alarms } from './constructs/alarms';
import { ApiFunction } from './constructs/api-function';
import { ApiUserPool } from './constructs/api-user-pool';
import { Dashboard } from './constructs/dashboard';
import type { GatewayMetrics } from './constructs/gateway-metrics';
import { HttpApi } from './constructs/http-api';
import { ItemsTable } from './constructs/items-table';
import { JwtAuthorizer } from './constructs/jwt-authorizer';
import { Media } from './constructs/media';
import { RestApi } from './constructs/rest-api';
import type { WebAcl } from './constructs/web-acl';
import type { AuthorizerConfig, HttpGateway, StageConfig } from './stage-config';

export interface ItemsApiStackProps extends StackProps {
  readonly config: StageConfig;
  /** The spec as JSON (generated/openapi.json). */
  readonly spec: Json;
  /** Directory holding the built Lambda bundle (`npm run build` → dist/lambda). */
  readonly lambdaCodePath: string;
  /** Directory holding the built authorizer bundle (dist/authorizer); used with `-c authorizer=jwt`. */
  readonly authorizerCodePath?: string;
  /** Directory holding the media workers' bundles (`npm run build` → dist/media-workers). */
  readonly mediaWorkersCodePath: string;
}

/** Whose tokens are accepted: the issuer (`iss`), the audiences, and where its keys are published. */
interface TrustedIssuer {
  readonly issuer: string;
  readonly audience: readonly string[];
  readonly jwksUri: string;
}

/**
 * The items API: one table, one function, the REST API (or, with `-c gateway=http`, the HTTP API)
 * imported from openapi.yaml, a user pool (or another OIDC issuer, `-c authorizer=jwt`), media
 * (bucket and workers), alarms and a dashboard, each from infra/constructs/. Table, function, pool,
 * REST API and alarms create their resources in the stack itself rather than as child constructs,
 * so every logical ID is the one deployed stacks already have: a changed ID would make
 * CloudFormation replace the table (and the pool, the secret, the API). Parts added since (JWT
 * authorizer, media, dashboard) are ordinary child constructs; the HTTP API's resources live in the
 * stack like the REST API's.
 */
export class ItemsApiStack extends Stack {
  constructor(scope: Construct, id: string, props: ItemsApiStackProps) {
    super(scope, id, props);
    const { config } = props;
    const name = `items-api-${config.stage}`;

    const table = new ItemsTable(this, { name, config });
    const apiFunction = new ApiFunction(this, { name, config, table, codePath: props.lambdaCodePath });
    const { fn } = apiFunction;
    const { gateway } = config;
    const api: {
      readonly metrics: GatewayMetrics;
      readonly url: string;
      readonly webAcl?: WebAcl | undefined;
    } =
      gateway.type === 'http'
        ? this.httpApi(name, config, gateway, props.spec, apiFunction)
        : this.restApi(name, config, props, apiFunction);
    const media = new Media(this, 'Media', {
      name,
      config,
      table: table.table,
      apiFunction: fn,
      codePath: props.mediaWorkersCodePath,
    });
    const { alarms } = new Alarms(this, {
      name,
      config,
      api: api.metrics,
      fn,
      table: table.table,
      ...(gateway.type === 'http' && {
        clientErrors: api.metrics.metricClientError({ statistic: 'Average' }),
      }),
      others: [media.deadLettersAlarm, ...apiFunction.deployment.alarms],
    });
    const { webAcl } = api;
    new Dashboard(this, 'Dashboard', {
      name,
      api: api.metrics,
      fn,
      alarms,
      ...(webAcl !== undefined && { waf: { aclName: name, ruleMetrics: webAcl.ruleMetrics } }),
    });

    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL of the API stage' });
    new CfnOutput(this, 'TableName', { value: table.table.tableName });
  }

  /** The REST API behind a Cognito authorizer or the JWT Lambda authorizer. */
  private restApi(
    name: string,
    config: StageConfig,
    props: ItemsApiStackProps,
    apiFunction: ApiFunction,
  ): { readonly metrics: GatewayMetrics; readonly url: string; readonly webAcl?: WebAcl | undefined } {
    if (config.authorizer.kind === 'jwt') {
      if (props.authorizerCodePath === undefined)
        throw new Error('authorizer=jwt needs the authorizer bundle (authorizerCodePath)');
      const jwtAuthorizer = new JwtAuthorizer(this, 'JwtAuthorizer', {
        name,
        config,
        authorizer: config.authorizer,
        codePath: props.authorizerCodePath,
      });
      const { api, webAcl } = new RestApi(this, {
        name,
        config,
        spec: props.spec,
        fn: apiFunction.target,
        authorizer: {
          kind: 'jwt',
          fn: jwtAuthorizer.fn,
          resultTtlSeconds: config.authorizer.resultTtlSeconds,
        },
      });
      jwtAuthorizer.allowInvokeFrom(api.restApiId);
      return { metrics: api, url: api.url, webAcl };
    }
    const { pool } = this.userPool(name, config);
    const { api, webAcl } = new RestApi(this, {
      name,
      config,
      spec: props.spec,
      fn: apiFunction.target,
      authorizer: { kind: 'cognito', userPool: pool },
    });
    return { metrics: api, url: api.url, webAcl };
  }

  /**
   * The HTTP API: tokens of the same issuer as behind the REST API (the pool's, or `jwtIssuer`),
   * verified by the function (`httpAuthorizer=lambda`, the default) or by the gateway's JWT authorizer.
   */
  private httpApi(
    name: string,
    config: StageConfig,
    gateway: HttpGateway,
    spec: Json,
    apiFunction: ApiFunction,
  ): { readonly metrics: GatewayMetrics; readonly url: string } {
    const trusted = this.trustedIssuer(name, config, config.authorizer);
    const http = new HttpApi(this, {
      name,
      config,
      spec,
      fn: apiFunction.target,
      ...(gateway.authorizer === 'jwt' && {
        jwtAuthorizer: { issuer: trusted.issuer, audience: trusted.audience },
      }),
    });
    if (gateway.authorizer === 'lambda') {
      // The function verifies tokens itself, with the variables the JWT Lambda authorizer reads
      // (src/auth/bearer-config.ts): the JWKS is fetched on first use per container, then cached.
      apiFunction.fn.addEnvironment('JWT_ISSUER', trusted.issuer);
      apiFunction.fn.addEnvironment('JWT_AUDIENCE', trusted.audience.join(','));
      apiFunction.fn.addEnvironment('JWT_JWKS_URI', trusted.jwksUri);
    }
    return { metrics: http, url: http.url };
  }

  /** The issuer behind the HTTP API: the Cognito pool's issuer URL, or the configured OIDC issuer. */
  private trustedIssuer(name: string, config: StageConfig, authorizer: AuthorizerConfig): TrustedIssuer {
    if (authorizer.kind === 'jwt') {
      const wellKnown = `${authorizer.issuer.replace(/\/$/, '')}/.well-known/jwks.json`;
      return {
        issuer: authorizer.issuer,
        audience: authorizer.audience,
        jwksUri: authorizer.jwksUri ?? wellKnown,
      };
    }
    const users = this.userPool(name, config);
    // The provider name is `cognito-idp.<region>.amazonaws.com/<poolId>`: the issuer without its scheme.
    const issuer = `https://${users.pool.userPoolProviderName}`;
    const audience =
      authorizer.audience ?? (users.webClient === undefined ? [] : [users.webClient.userPoolClientId]);
    return { issuer, audience, jwksUri: `${issuer}/.well-known/jwks.json` };
  }

  /** The user pool, with its IDs as outputs when the stack creates it. */
  private userPool(name: string, config: StageConfig): ApiUserPool {
    const users = new ApiUserPool(this, { name, config });
    if (users.webClient !== undefined) {
      new CfnOutput(this, 'UserPoolId', { value: users.pool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: users.webClient.userPoolClientId });
    }
    return users;
  }
}
