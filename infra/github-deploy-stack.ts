/**
 * `-c githubRepo=owner/name`: a stack of its own holding the role the CI workflow
 * (.github/workflows/ci.yml) assumes. Deployed once by hand, before the workflow can deploy:
 * `npx cdk deploy ItemsApi-GitHubDeploy -c githubRepo=owner/name`.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { type GitHubDeployConfig, GitHubDeployRole } from './constructs/github-deploy-role';

export const GITHUB_DEPLOY_STACK = 'ItemsApi-GitHubDeploy';

/** Reads the deploy-role options from context; undefined unless `githubRepo` is set. */
export function gitHubDeployConfig(context: (key: string) => unknown): GitHubDeployConfig | undefined {
  const repository = context('githubRepo');
  if (repository === undefined || repository === '') return undefined;
  if (typeof repository !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(repository))
    throw new Error(`githubRepo must be owner/name; got ${String(repository)}`);
  const branch = String(context('githubBranch') ?? 'main');
  const environments = String(context('githubEnvironments') ?? 'production')
    .split(',')
    .map((environment) => environment.trim())
    .filter((environment) => environment !== '');
  const providerArn = context('githubOidcProviderArn');
  return {
    repository,
    branch,
    environments,
    ...(typeof providerArn === 'string' && providerArn !== '' && { oidcProviderArn: providerArn }),
    qualifier: String(context('@aws-cdk/core:bootstrapQualifier') ?? 'hnb659fds'),
  };
}

export interface GitHubDeployStackProps extends StackProps {
  readonly github: GitHubDeployConfig;
}

export class GitHubDeployStack extends Stack {
  constructor(scope: Construct, id: string, props: GitHubDeployStackProps) {
    super(scope, id, props);
    const { role } = new GitHubDeployRole(this, 'GitHubDeploy', props.github);
    new CfnOutput(this, 'DeployRoleArn', {
      value: role.roleArn,
      description: 'Set as the repository variable AWS_DEPLOY_ROLE_ARN',
    });
  }
}
