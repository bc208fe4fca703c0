/**
 * Gradual deploys of the API function: CodeDeploy moves the `live` alias (which every operation
 * is integrated with) per the stage's mode and rolls back on the alias's error and latency alarms.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { type Bundles, buildBundles, synthStack } from './synth';

describe('gradual deployments', () => {
  let bundles: Bundles;
  beforeAll(async () => {
    bundles = await buildBundles();
  }, 120_000);

  const deploymentGroup = (template: Template) => template.findResources('AWS::CodeDeploy::DeploymentGroup');

  it.each([
    ['dev, by default', { stage: 'dev' }, 'CodeDeployDefault.LambdaAllAtOnce'],
    [
      'prod, by default',
      { stage: 'prod', corsOrigins: 'https://app.example.com' },
      'CodeDeployDefault.LambdaCanary10Percent5Minutes',
    ],
    [
      'dev with -c deployment=linear',
      { stage: 'dev', deployment: 'linear' },
      'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
    ],
    [
      'prod with -c deployment=all-at-once',
      { stage: 'prod', corsOrigins: 'https://app.example.com', deployment: 'all-at-once' },
      'CodeDeployDefault.LambdaAllAtOnce',
    ],
  ])('%s shifts the live alias (%j) with %s, rolling back on its alarms', (_case, context, config) => {
    const { template } = synthStack(bundles, context);

    expect(Object.keys(deploymentGroup(template))).toHaveLength(1);
    template.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      DeploymentConfigName: config,
      AutoRollbackConfiguration: {
        Enabled: true,
        Events: Match.arrayWith(['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']),
      },
      AlarmConfiguration: {
        Enabled: true,
        Alarms: [{ Name: Match.anyValue() }, { Name: Match.anyValue() }],
      },
    });
    template.hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'live',
      FunctionName: { Ref: Match.stringLikeRegexp('^Function') },
    });
    template.hasResource('AWS::Lambda::Alias', {
      UpdatePolicy: { CodeDeployLambdaAliasUpdate: Match.objectLike({}) },
    });
  });

  it("alarms on the alias's errors and p99 duration, the metrics of the version being shifted to", () => {
    const { template } = synthStack(bundles, { stage: 'prod', corsOrigins: 'https://app.example.com' });

    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'items-api-prod-deployment-errors',
      MetricName: 'Errors',
      Dimensions: Match.arrayWith([Match.objectLike({ Name: 'Resource' })]),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'items-api-prod-deployment-latency',
      MetricName: 'Duration',
      ExtendedStatistic: 'p99',
      Threshold: 3000,
    });
  });

  it('refuses an unknown mode', () => {
    expect(() => synthStack(bundles, { stage: 'dev', deployment: 'blue-green' })).toThrow(
      'deployment must be one of canary, linear, all-at-once; got blue-green',
    );
  });
});
