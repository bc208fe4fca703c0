/**
 * openapi-backend with its default options, as its README and Lambda example ship it: init()
 * validates the document against the OpenAPI schema, dereferences it asynchronously and compiles
 * every request and response validator before the first request is answered.
 */
import { createDocumentClient } from '../../src/storage/dynamodb/document-client';
import { openApiBackendHandler } from '../openapi-backend-handler';

/** Unused, but loaded and constructed at cold start as a real function's SDK client is. */
export const documentClient = createDocumentClient({ region: 'us-east-1' });

export const handler = openApiBackendHandler({});
