import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DocumentClientOptions {
  /** A non-AWS endpoint (the local engine); the SDK's default resolution applies when absent. */
  readonly endpoint?: string;
  readonly region: string;
}

/** A DynamoDB client for AWS or, given an endpoint, for a local engine. */
export function createDynamoDbClient(options: DocumentClientOptions): DynamoDBClient {
  return new DynamoDBClient({
    region: options.region,
    ...(options.endpoint !== undefined && {
      endpoint: options.endpoint,
      // The local engine accepts any credentials; fixed ones keep a developer's AWS profile out of it.
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  });
}

/** The one SDK client of a process: create it once per container, never per request. */
export function createDocumentClient(options: DocumentClientOptions): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoDbClient(options), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
