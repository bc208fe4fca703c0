import path from 'node:path';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Json } from '../src/spec/openapi-document';
import { Alarms } from './constructs/alarms';
import { ApiFunction } from './constructs/api-function';
import { ApiUserPool } from './constructs/api-user-pool';
import { ItemsTable } from './constructs/items-table';
import { Media } from './constructs/media';
import { RestApi } from './constructs/rest-api';
import type { StageConfig } from './stage-config';

export interface ItemsApiStackProps extends StackProps {
  readonly config: StageConfig;
  /** The spec as JSON (generated/openapi.json). */
  readonly spec: Json;
  /** Directory holding the built Lambda bundle (`npm run build` → dist/lambda). */
  readonly lambdaCodePath: string;
  /** Directory holding the media workers' bundles; dist/media-workers beside dist/lambda by default. */
  readonly mediaWorkersCodePath?: string;
}

/**
 * The items API: one table, one function, the REST API imported from openapi.yaml, a user pool,
 * alarms and media (bucket and workers), each from infra/constructs/. Those parts create their resources in the stack itself
 * rather than as child constructs, so every logical ID is the one deployed stacks already have: a
 * changed ID would make CloudFormation replace the table (and the pool, the secret, the API).
 */
export class ItemsApiStack extends Stack {
  constructor(scope: Construct, id: string, props: ItemsApiStackProps) {
    super(scope, id, props);
    const { config } = props;
    const name = `items-api-${config.stage}`;

    const table = new ItemsTable(this, { name, config });
    const { fn } = new ApiFunction(this, { name, config, table, codePath: props.lambdaCodePath });
    const users = new ApiUserPool(this, { name, config });
    const { api } = new RestApi(this, { name, config, spec: props.spec, fn, userPool: users.pool });
    const codePath =
      props.mediaWorkersCodePath ?? path.join(path.dirname(props.lambdaCodePath), 'media-workers');
    const media = new Media(this, 'Media', { name, config, table: table.table, apiFunction: fn, codePath });
    new Alarms(this, { name, config, api, fn, table: table.table, others: [media.deadLettersAlarm] });

    if (users.webClient !== undefined) {
      new CfnOutput(this, 'UserPoolId', { value: users.pool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: users.webClient.userPoolClientId });
    }
    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL of the API stage' });
    new CfnOutput(this, 'TableName', { value: table.table.tableName });
  }
}
