import { randomBytes } from 'node:crypto';
import { startDynamoDbEngine } from '../../src/local/dynamodb-engine';

/** Starts one in-memory DynamoDB Local for the run; test workers inherit its endpoint through the environment. */
export default async function globalSetup(): Promise<void> {
  const engine = await startDynamoDbEngine();
  globalThis.__DYNAMODB_ENGINE__ = engine;
  process.env.DYNAMODB_ENDPOINT = engine.endpoint;
  process.env.AWS_REGION = 'us-east-1';
  process.env.PAGE_TOKEN_SECRET = randomBytes(32).toString('base64');
}
