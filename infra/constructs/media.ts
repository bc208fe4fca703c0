/**
 * Media attachments on AWS (issue 12): the private bucket the files live in, the two workers that
 * keep records and objects in step, their dead-letter queue and its alarm, and the grants that let
 * the API function presign uploads and downloads under the media prefix and nothing else.
 *
 * - upload worker: S3 ObjectCreated under `media/` → the media becomes `ready` when the object is
 *   what was declared, else the object is deleted; async retries, then the DLQ.
 * - stream worker: the table's removals (a REMOVE, a tombstone's MODIFY) → an item's media
 *   records, a media record's object;
 *   retried by the event source with bisection, then the DLQ.
 *
 * A child construct of its own (its resources' IDs are under `Media/`), unlike the parts that
 * predate it and must keep their deployed logical IDs.
 */
import { CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { MEDIA_KEY_PREFIX, PENDING_UPLOAD_TAGGING } from '../../src/resources/media/compose-media';
import { RECORD_METADATA } from '../../src/resources/media/s3-object-store';
import { ITEMS_TABLE } from '../../src/storage/dynamodb/table-design';
import { acknowledgeNag } from '../nag';
import { dataRemovalPolicy, type StageConfig } from '../stage-config';

export interface MediaProps {
  /** The physical name prefix, `items-api-<stage>`. */
  readonly name: string;
  readonly config: Pick<StageConfig, 'retainData' | 'logRetention' | 'corsOrigins'>;
  readonly table: dynamodb.Table;
  /** The API function: it presigns, so its role is what a presigned request may do. */
  readonly apiFunction: lambda.Function;
  /** Directory with the workers' bundles (`npm run build` → dist/media-workers). */
  readonly codePath: string;
}

/** Days before S3 removes what an upload left: an unfinished multipart upload, an object never confirmed. */
export const ABANDONED_UPLOAD_DAYS = 1;

export class Media extends Construct {
  readonly bucket: s3.Bucket;
  readonly deadLetters: sqs.Queue;
  readonly streamWorker: lambda.Function;
  readonly uploadWorker: lambda.Function;
  readonly deadLettersAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, { name, config, table, apiFunction, codePath }: MediaProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // Named, so the notification's permission can name the bucket without referencing it (no cycle).
    const bucketName = `${name}-media-${stack.account}-${stack.region}`;
    const [pendingTag, pendingValue] = PENDING_UPLOAD_TAGGING.split('=');
    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      removalPolicy: dataRemovalPolicy(config),
      lifecycleRules: [
        {
          id: 'abort-incomplete-uploads',
          abortIncompleteMultipartUploadAfter: Duration.days(ABANDONED_UPLOAD_DAYS),
        },
        {
          // Uploads carry media=pending (signed into the URL); the upload worker retags confirmed ones.
          id: 'expire-abandoned-pending-uploads',
          prefix: MEDIA_KEY_PREFIX,
          tagFilters: { [pendingTag ?? 'media']: pendingValue ?? 'pending' },
          expiration: Duration.days(ABANDONED_UPLOAD_DAYS),
        },
      ],
      cors: [
        {
          allowedOrigins: [...config.corsOrigins],
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET],
          allowedHeaders: ['content-type', 'x-amz-tagging', RECORD_METADATA],
          exposedHeaders: ['ETag'],
          maxAge: 600,
        },
      ],
    });
    acknowledgeNag(
      this.bucket,
      'AwsSolutions-S1',
      "Every object is reached only through a URL the API presigned for an authenticated caller, and the API's access line records that request (caller, item, operation); server access logs would need a second bucket, itself unlogged. For an audit trail of the object calls themselves, turn on CloudTrail S3 data events for this bucket.",
    );
    // The bucket by name, not by reference: the bucket's notification needs the upload worker's
    // permission first, and that worker's role and environment must not need the bucket (a cycle).
    const bucketArn = stack.formatArn({ service: 's3', region: '', account: '', resource: bucketName });
    const objects = `${bucketArn}/${MEDIA_KEY_PREFIX}*`;
    // The same resource as cdk-nag prints it in a finding's ID.
    const objectsForNag = `arn:<AWS::Partition>:s3:::${bucketName.replace(stack.account, '<AWS::AccountId>').replace(stack.region, '<AWS::Region>')}/${MEDIA_KEY_PREFIX}*`;

    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      queueName: `${name}-media-dead-letters`,
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledgeNag(
      this.deadLetters,
      'AwsSolutions-SQS3',
      'This queue is the dead-letter queue: the stream event source and the upload worker send what outlived its retries here (onFailure destinations, which cdk-nag does not see as a redrive policy). A queue behind a dead-letter queue would only move the messages its alarm already reports.',
    );

    const worker = (workerId: string, file: string, description: string) => {
      const logGroup = new logs.LogGroup(this, `${workerId}Logs`, {
        logGroupName: `/aws/lambda/${name}-media-${file}`,
        retention: config.logRetention,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      const role = new iam.Role(this, `${workerId}Role`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `${name} media ${file} worker: what it calls, nothing else`,
      });
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [`${logGroup.logGroupArn}:*`],
        }),
      );
      const logsElement = logGroup.node.defaultChild;
      if (!(logsElement instanceof CfnElement))
        throw new Error(`${workerId}Logs has no CloudFormation resource`);
      acknowledgeNag(
        role,
        `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(logsElement)}.Arn>:*]`,
        "The log streams of the worker's own log group: Lambda names a stream per container, so they cannot be listed in advance.",
      );
      acknowledgeNag(role, `AwsSolutions-IAM5[Resource::${objectsForNag}]`, OBJECTS_REASON);
      const fn = new lambda.Function(this, workerId, {
        functionName: `${name}-media-${file}`,
        description,
        runtime: lambda.Runtime.NODEJS_24_X,
        architecture: lambda.Architecture.ARM_64,
        code: lambda.Code.fromAsset(codePath),
        handler: `${file}.handler`,
        memorySize: 256,
        timeout: Duration.seconds(30),
        role,
        logGroup,
        environment: { TABLE_NAME: table.tableName, MEDIA_BUCKET: bucketName },
      });
      return fn;
    };

    this.streamWorker = worker(
      'StreamWorker',
      'stream',
      'Removes the media of deleted items and the objects of deleted media',
    );
    this.streamWorker.addEventSource(
      new sources.DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        onFailure: new sources.SqsDlq(this.deadLetters),
        // Only removals (src/storage/dynamodb/removal-events.ts, which applies the same rule): a
        // record deleted, not a tombstone expiring; a record becoming a tombstone.
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('REMOVE'),
            dynamodb: {
              OldImage: { [ITEMS_TABLE.tombstoneAttribute]: { S: lambda.FilterRule.notExists() } },
            },
          }),
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('MODIFY'),
            dynamodb: { NewImage: { [ITEMS_TABLE.tombstoneAttribute]: { S: lambda.FilterRule.exists() } } },
          }),
        ],
      }),
    );
    this.streamWorker.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query', 'dynamodb:DeleteItem'],
        resources: [table.tableArn],
      }),
    );
    this.streamWorker.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:DeleteObject'], resources: [objects] }),
    );
    acknowledgeNag(
      roleOf(this.streamWorker),
      'AwsSolutions-IAM5[Resource::*]',
      "dynamodb:ListStreams, granted by the DynamoDB event source: the action has no resource-level permissions (AWS's own AWSLambdaDynamoDBExecutionRole grants it on * too). Every other stream action is on this table's stream only.",
    );

    this.uploadWorker = worker(
      'UploadWorker',
      'uploads',
      'Marks uploaded media ready once the object is as declared',
    );
    this.uploadWorker.configureAsyncInvoke({
      retryAttempts: 2,
      onFailure: new destinations.SqsDestination(this.deadLetters),
    });
    this.uploadWorker.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        resources: [table.tableArn],
      }),
    );
    this.uploadWorker.addToRolePolicy(
      new iam.PolicyStatement({
        // GetObject covers HEAD; tagging takes a confirmed object out of the pending lifecycle rule.
        actions: ['s3:GetObject', 's3:PutObjectTagging', 's3:DeleteObject'],
        resources: [objects],
      }),
    );

    // S3 → upload worker, declared on the bucket itself: no notifications custom resource (whose
    // role would need s3:PutBucketNotification on every bucket).
    const permission = new lambda.CfnPermission(this, 'UploadWorkerFromS3', {
      action: 'lambda:InvokeFunction',
      functionName: this.uploadWorker.functionArn,
      principal: 's3.amazonaws.com',
      sourceArn: bucketArn,
      sourceAccount: stack.account,
    });
    const cfnBucket = this.bucket.node.defaultChild;
    if (!(cfnBucket instanceof s3.CfnBucket))
      throw new Error('the media bucket has no CloudFormation resource');
    cfnBucket.notificationConfiguration = {
      lambdaConfigurations: [
        {
          event: 's3:ObjectCreated:*',
          function: this.uploadWorker.functionArn,
          filter: { s3Key: { rules: [{ name: 'prefix', value: MEDIA_KEY_PREFIX }] } },
        },
      ],
    };
    cfnBucket.addResourceDependency(permission);

    this.deadLettersAlarm = new cloudwatch.Alarm(this, 'DeadLettersAlarm', {
      alarmName: `${name}-media-dead-letters`,
      alarmDescription: 'A media cleanup or upload confirmation failed after its retries: see the DLQ',
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    // The API function presigns: a URL may do what its role may, so the role may do only this.
    apiFunction.addEnvironment('MEDIA_BUCKET', this.bucket.bucketName);
    apiFunction.addToRolePolicy(
      new iam.PolicyStatement({
        // PutObjectTagging: uploads carry the pending tag (x-amz-tagging), which S3 authorises separately.
        actions: ['s3:PutObject', 's3:PutObjectTagging', 's3:GetObject'],
        resources: [objects],
      }),
    );
    acknowledgeNag(roleOf(apiFunction), `AwsSolutions-IAM5[Resource::${objectsForNag}]`, OBJECTS_REASON);
  }
}

const OBJECTS_REASON =
  'The objects under the media/ prefix of the media bucket and nothing else: object keys are random per upload, chosen at request time, so they cannot be listed in advance. Only the actions this role calls are granted (test/infra/media.test.ts).';

function roleOf(fn: lambda.Function): iam.IRole {
  if (fn.role === undefined) throw new Error(`${fn.node.path} has no role`);
  return fn.role;
}
