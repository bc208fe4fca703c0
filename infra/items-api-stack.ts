import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Json } from '../src/spec/openapi-document';
import { Alarms } from './constructs/alarms';
import { ApiFunction } from './constructs/api-function';
import { ApiUserPool } from './constructs/api-user-pool';
import { Dashboard } from './constructs/dashboard';
import { ItemsTable } from './constructs/items-table';
import { JwtAuthorizer } from './constructs/jwt-authorizer';
import { RestApi, type RestApiProps } from './constructs/rest-api';
import type { StageConfig } from './stage-config';

export interface ItemsApiStackProps extends StackProps {
  readonly config: StageConfig;
  /** The spec as JSON (generated/openapi.json). */
  readonly spec: Json;
  /** Directory holding the built Lambda bundle (`npm run build` → dist/lambda). */
  readonly lambdaCodePath: string;
  /** Directory holding the built authorizer bundle (dist/authorizer); used with `-c authorizer=jwt`. */
  readonly authorizerCodePath?: string;
}

/**
 * The items API: one table, one function, the REST API imported from openapi.yaml, a user pool
 * (or a Lambda authorizer for another OIDC issuer), alarms and a dashboard, each from
 * infra/constructs/. Table, function, pool, API and alarms create their resources in the stack
 * itself rather than as child constructs, so every logical ID is the one deployed stacks already
 * have: a changed ID would make CloudFormation replace the table (and the pool, the secret, the
 * API). Parts added since (JWT authorizer, dashboard) are ordinary child constructs.
 */
export class ItemsApiStack extends Stack {
  constructor(scope: Construct, id: string, props: ItemsApiStackProps) {
    super(scope, id, props);
    const { config } = props;
    const name = `items-api-${config.stage}`;

    const table = new ItemsTable(this, { name, config });
    const apiFunction = new ApiFunction(this, { name, config, table, codePath: props.lambdaCodePath });
    const { fn } = apiFunction;

    let authorizer: RestApiProps['authorizer'];
    let jwtAuthorizer: JwtAuthorizer | undefined;
    if (config.authorizer.kind === 'jwt') {
      if (props.authorizerCodePath === undefined)
        throw new Error('authorizer=jwt needs the authorizer bundle (authorizerCodePath)');
      jwtAuthorizer = new JwtAuthorizer(this, 'JwtAuthorizer', {
        name,
        config,
        authorizer: config.authorizer,
        codePath: props.authorizerCodePath,
      });
      authorizer = {
        kind: 'jwt',
        fn: jwtAuthorizer.fn,
        resultTtlSeconds: config.authorizer.resultTtlSeconds,
      };
    } else {
      const users = new ApiUserPool(this, { name, config });
      authorizer = { kind: 'cognito', userPool: users.pool };
      if (users.webClient !== undefined) {
        new CfnOutput(this, 'UserPoolId', { value: users.pool.userPoolId });
        new CfnOutput(this, 'UserPoolClientId', { value: users.webClient.userPoolClientId });
      }
    }
    const { api } = new RestApi(this, { name, config, spec: props.spec, fn: apiFunction.target, authorizer });
    jwtAuthorizer?.allowInvokeFrom(api.restApiId);
    const { alarms } = new Alarms(this, { name, config, api, fn, table: table.table });
    new Dashboard(this, 'Dashboard', { name, api, fn, alarms });

    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL of the API stage' });
    new CfnOutput(this, 'TableName', { value: table.table.tableName });
  }
}
