/** The identity provider whose ID tokens the gateway accepts: an existing Cognito pool, or a new one. */
import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { acknowledgeNag } from '../nag';
import { dataRemovalPolicy, type StageConfig } from '../stage-config';

export interface ApiUserPoolProps {
  /** The physical name prefix, `items-api-<stage>`. */
  readonly name: string;
  readonly config: Pick<StageConfig, 'retainData' | 'userPoolArn'>;
}

/** The user pool, created in `scope` itself (see ItemsApiStack) unless the stage names one. */
export class ApiUserPool {
  readonly pool: cognito.IUserPool;
  /** The frontend's client; only for a pool this stack creates. */
  readonly webClient: cognito.UserPoolClient | undefined;

  constructor(scope: Construct, { name, config }: ApiUserPoolProps) {
    if (config.userPoolArn !== undefined) {
      this.pool = cognito.UserPool.fromUserPoolArn(scope, 'UserPool', config.userPoolArn);
      this.webClient = undefined;
      return;
    }
    const pool = new cognito.UserPool(scope, 'UserPool', {
      userPoolName: `${name}-users`,
      // Users are invited by an operator (or a later sign-up flow), not self-registered.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      passwordPolicy: { minLength: 12, requireSymbols: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy: dataRemovalPolicy(config),
    });
    acknowledgeNag(
      pool,
      'AwsSolutions-COG1',
      'Length over composition: 12 characters minimum with upper, lower and digits, no symbol rule (NIST SP 800-63B advises against composition rules).',
    );
    acknowledgeNag(
      pool,
      'AwsSolutions-COG2',
      'Invite-only pool for development and teams without an identity provider; the contract suite signs in non-interactively. Teams that need MFA bring their own pool (-c userPoolArn) or issuer (-c authorizer=jwt).',
    );
    acknowledgeNag(
      pool,
      'AwsSolutions-COG8',
      'Essentials tier: threat protection (Plus) is billed per monthly active user and an invite-only pool with no self sign-up has no sign-up abuse to detect.',
    );
    this.pool = pool;
    this.webClient = pool.addClient('WebClient', {
      userPoolClientName: `${name}-web`,
      // SRP for browsers; password auth so operators can get a token from the CLI (docs/operators.md).
      authFlows: { userSrp: true, userPassword: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
    });
  }
}
