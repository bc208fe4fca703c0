/**
 * The role GitHub Actions assumes through OIDC to run `cdk deploy`: trusted only for tokens of one
 * repository's branch or deployment environments, for the STS audience, and allowed nothing but
 * assuming the CDK bootstrap roles (which hold the deploy permissions). No stored keys anywhere.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export const GITHUB_OIDC_ISSUER = 'token.actions.githubusercontent.com';
export const STS_AUDIENCE = 'sts.amazonaws.com';

/** The bootstrap roles `cdk deploy` assumes (not image publishing: the stack has no Docker assets). */
export const CDK_BOOTSTRAP_ROLES = ['deploy', 'file-publishing', 'lookup'] as const;

export interface GitHubDeployConfig {
  /** `owner/name`. */
  readonly repository: string;
  /** The branch whose pushes may deploy without an environment (the dev stage). */
  readonly branch: string;
  /** GitHub deployment environments whose jobs may deploy (production, behind required reviewers). */
  readonly environments: readonly string[];
  /** An existing `token.actions.githubusercontent.com` provider (an account holds one per URL). */
  readonly oidcProviderArn?: string;
  /** The CDK bootstrap qualifier (`@aws-cdk/core:bootstrapQualifier`). */
  readonly qualifier: string;
}

/** The `sub` claims GitHub puts in job tokens for this repository's branch and environments. */
export function trustedSubjects(config: Pick<GitHubDeployConfig, 'repository' | 'branch' | 'environments'>) {
  return [
    `repo:${config.repository}:ref:refs/heads/${config.branch}`,
    ...config.environments.map((environment) => `repo:${config.repository}:environment:${environment}`),
  ];
}

export class GitHubDeployRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, config: GitHubDeployConfig) {
    super(scope, id);
    const provider =
      config.oidcProviderArn === undefined
        ? new iam.OidcProviderNative(this, 'Provider', {
            url: `https://${GITHUB_OIDC_ISSUER}`,
            clientIds: [STS_AUDIENCE],
          })
        : iam.OidcProviderNative.fromOidcProviderArn(this, 'Provider', config.oidcProviderArn);

    this.role = new iam.Role(this, 'Role', {
      description: `GitHub Actions deploys of ${config.repository} (${trustedSubjects(config).join(', ')})`,
      maxSessionDuration: Duration.hours(1),
      assumedBy: new iam.WebIdentityPrincipal(provider.oidcProviderArn, {
        StringEquals: {
          [`${GITHUB_OIDC_ISSUER}:aud`]: STS_AUDIENCE,
          [`${GITHUB_OIDC_ISSUER}:sub`]: trustedSubjects(config),
        },
      }),
    });
    const { account, region, partition } = Stack.of(this);
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: CDK_BOOTSTRAP_ROLES.map(
          (kind) =>
            `arn:${partition}:iam::${account}:role/cdk-${config.qualifier}-${kind}-role-${account}-${region}`,
        ),
      }),
    );
  }
}
