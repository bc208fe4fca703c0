/**
 * The CDK app: `npm run synth` (offline), `npm run deploy`, `npm run destroy`.
 * Stage and options come from context: `-c stage=prod -c corsOrigins=https://app.example.com
 * -c apiKeys=true -c alarmEmail=ops@example.com`.
 */
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import spec from '../generated/openapi.json';
import { ItemsApiStack } from './items-api-stack';
import { addNagChecks } from './nag';
import { stageConfig } from './stage-config';

const app = new App();
addNagChecks(app);
const config = stageConfig((key) => app.node.tryGetContext(key));
new ItemsApiStack(app, `ItemsApi-${config.stage}`, {
  config,
  spec,
  lambdaCodePath: path.resolve(__dirname, '../dist/lambda'),
  description: `Items API (${config.stage}): API Gateway from openapi.yaml, one Lambda, one DynamoDB table`,
});
