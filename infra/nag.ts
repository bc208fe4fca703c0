/**
 * cdk-nag's AwsSolutions pack, run on every synth: a finding fails `npm run synth` (and CI) unless
 * it is acknowledged on the resource it names, with the reason, by `acknowledgeNag` below.
 * cdk-nag 3 plugs into CDK's own policy validation (`Validations`) instead of the Aspect and
 * `NagSuppressions` API of cdk-nag 2; an acknowledgment still applies to one construct and the
 * resources under it, and is written into the template's Metadata (`cdk_nag`) for audit.
 */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Registers the AwsSolutions checks on `app`; call before `app.synth()`. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
}

/**
 * Acknowledges one AwsSolutions finding on `resource` (and only there). For rules that report one
 * finding per wildcard, name it: `AwsSolutions-IAM5[Resource::<LogsArn>:*]`.
 */
export function acknowledgeNag(resource: IConstruct, rule: `AwsSolutions-${string}`, reason: string): void {
  Validations.of(resource).acknowledge({ id: rule, reason });
}
