/**
 * The CDK app: `npm run synth` (offline), `npm run deploy`, `npm run destroy`.
 * Stage and options come from context: `-c stage=prod -c corsOrigins=https://app.example.com
 * -c apiKeys=true -c alarmEmail=ops@example.com`; the authorizer, cold-start and log options are
 * listed in docs/operators.md. `-c githubRepo=owner/name` adds the CI deploy role's stack.
 */
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import spec from '../generated/openapi.json';
import { GITHUB_DEPLOY_STACK, GitHubDeployStack, gitHubDeployConfig } from './github-deploy-stack';
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
  authorizerCodePath: path.resolve(__dirname, '../dist/authorizer'),
  mediaWorkersCodePath: path.resolve(__dirname, '../dist/media-workers'),
  description: `Items API (${config.stage}): API Gateway from openapi.yaml, the API Lambda, one DynamoDB table, media in S3 with two workers`,
});

const github = gitHubDeployConfig((key) => app.node.tryGetContext(key));
if (github !== undefined)
  new GitHubDeployStack(app, GITHUB_DEPLOY_STACK, {
    github,
    description: `Role for GitHub Actions deploys of ${github.repository} (OIDC, no stored keys)`,
  });
