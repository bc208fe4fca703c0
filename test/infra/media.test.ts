/** Template assertions for infra/constructs/media.ts: the bucket, the workers, their triggers and least privilege. */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { buildBundles, synthStack } from './synth';

let template: Template;
beforeAll(async () => {
  template = synthStack(await buildBundles(), {
    stage: 'prod',
    corsOrigins: 'https://app.example.com',
  }).template;
}, 90_000);

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

/** The statements of the policy attached to the role of the function with this handler. */
function statementsOf(handler: string): Statement[] {
  const [fn] = Object.values(
    template.findResources('AWS::Lambda::Function', { Properties: { Handler: handler } }),
  );
  const role = JSON.stringify(fn?.Properties?.Role);
  const policy = Object.values(template.findResources('AWS::IAM::Policy')).find((candidate) =>
    JSON.stringify(candidate.Properties?.Roles).includes(JSON.parse(role)['Fn::GetAtt'][0]),
  );
  return policy?.Properties?.PolicyDocument?.Statement ?? [];
}

const actions = (statements: Statement[]): string[] =>
  statements.flatMap((statement) =>
    Array.isArray(statement.Action) ? statement.Action : [statement.Action],
  );

const s3Statements = (statements: Statement[]): Statement[] =>
  statements.filter((statement) => actions([statement]).some((action) => action.startsWith('s3:')));

describe('media bucket', () => {
  it('is private, TLS-only, S3-encrypted, owner-enforced, and retained in prod', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('aborts incomplete uploads and expires abandoned pending objects', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
          Match.objectLike({
            Prefix: 'media/',
            TagFilters: [{ Key: 'media', Value: 'pending' }],
            ExpirationInDays: 1,
            Status: 'Enabled',
          }),
        ]),
      },
    });
  });

  it("allows the stage's origins to PUT and GET, exposing ETag", () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedOrigins: ['https://app.example.com'],
            AllowedMethods: ['PUT', 'GET'],
            ExposedHeaders: ['ETag'],
          }),
        ],
      },
    });
  });

  it('notifies the upload worker of objects created under media/', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      NotificationConfiguration: {
        LambdaConfigurations: [
          Match.objectLike({
            Event: 's3:ObjectCreated:*',
            Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'media/' }] } },
          }),
        ],
      },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', { Principal: 's3.amazonaws.com' });
    // No notifications custom resource, whose role would need s3:PutBucketNotification on *.
    expect(template.findResources('Custom::S3BucketNotifications')).toEqual({});
  });
});

describe('media workers', () => {
  it('runs the stream worker on removals (not expiring tombstones) with retries, bisection, partial failures and the DLQ', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['REMOVE'],
              dynamodb: { OldImage: { deletedAt: { S: [{ exists: false }] } } },
            }),
          },
          {
            Pattern: JSON.stringify({
              eventName: ['MODIFY'],
              dynamodb: { NewImage: { deletedAt: { S: [{ exists: true }] } } },
            }),
          },
        ],
      },
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('retries the upload worker twice, then sends the event to the DLQ', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('alarms as soon as the dead-letter queue holds a message', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'items-api-prod-media-dead-letters',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
    });
  });

  it('ships the workers in their own asset, not in the API function', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    const assets = new Set(functions.map((fn) => JSON.stringify(fn.Properties?.Code?.S3Key)));

    expect(functions.map((fn) => fn.Properties?.Handler).sort()).toEqual([
      'index.handler',
      'stream.handler',
      'uploads.handler',
    ]);
    expect(assets.size).toBe(2);
  });
});

describe('least privilege on the bucket', () => {
  it.each([
    ['the API function', 'index.handler', ['s3:PutObject', 's3:PutObjectTagging', 's3:GetObject']],
    ['the stream worker', 'stream.handler', ['s3:DeleteObject']],
    ['the upload worker', 'uploads.handler', ['s3:GetObject', 's3:PutObjectTagging', 's3:DeleteObject']],
  ])('%s (%s) may only its own S3 actions, under media/', (_name, handler, expected) => {
    const statements = s3Statements(statementsOf(handler));

    expect(actions(statements).sort()).toEqual([...expected].sort());
    for (const statement of statements)
      expect(JSON.stringify(statement.Resource)).toMatch(/\/media\/\*"\]\]\}$/);
  });

  it('grants no s3:* and nothing on the whole bucket to any role', () => {
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));

    expect(policies).not.toMatch(/"s3:\*"/);
    expect(policies).not.toMatch(/:s3:::items-api-prod-media-[^"]*"\]/);
  });

  it('gives the workers only the table operations they call', () => {
    expect(
      actions(statementsOf('stream.handler'))
        .filter((action) => action.startsWith('dynamodb:'))
        .sort(),
    ).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
      'dynamodb:Query',
    ]);
    expect(
      actions(statementsOf('uploads.handler'))
        .filter((action) => action.startsWith('dynamodb:'))
        .sort(),
    ).toEqual(['dynamodb:GetItem', 'dynamodb:UpdateItem']);
  });
});
