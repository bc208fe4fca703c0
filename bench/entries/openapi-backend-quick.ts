/**
 * openapi-backend in its fastest documented configuration that still validates requests:
 * `quick: true` ("quick startup, attempts to optimise startup"). init() then skips validating the
 * document, dereferences it synchronously, and compiles an operation's request validators on its
 * first request instead of every validator up front. openapi-backend 5.20 cannot load
 * precompiled validators (its OpenAPIValidator always calls ajv.compile at run time), so this is
 * as far as its start-up goes; `validate: false` would be faster still but validate nothing.
 */
import { createDocumentClient } from '../../src/storage/dynamodb/document-client';
import { openApiBackendHandler } from '../openapi-backend-handler';

/** Unused, but loaded and constructed at cold start as a real function's SDK client is. */
export const documentClient = createDocumentClient({ region: 'us-east-1' });

export const handler = openApiBackendHandler({ quick: true });
