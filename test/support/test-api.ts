import { createEvent, createHttpApiEvent } from '../../fixtures/events';
import spec from '../../generated/openapi.json';
import { composeApp, type Overrides } from '../../src/compose-app';
import { loadConfig } from '../../src/config';
import { type HttpApiHandler, toHttpApiHandler } from '../../src/gateway-events/http-api-v2';
import { type ProxyHandler, toProxyHandler } from '../../src/gateway-events/rest-api-v1';
import {
  ephemeralIdentity,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  type LocalIdentity,
} from '../../src/local/dev-tools/identity';
import { type AuthMode, localAuthorizer } from '../../src/local/gateway/authorizer';
import type { GatewayOptions } from '../../src/local/gateway/gateway-options';
import { startGateway } from '../../src/local/gateway/server';
import { methodsByTemplate } from '../../src/spec/openapi-document';
import { assertMatchesContract } from './contract';
import { createTestTable } from './table';

/**
 * `lambda`: REST API proxy events (v1) with the Cognito authorizer's claims; `lambda-v2`: HTTP API
 * events (v2) as the default HTTP API deployment sends them, the bearer token verified by the
 * function itself; `http`: over HTTP through the local gateway as a REST API; `http-v2`: over HTTP
 * through the local gateway as that HTTP API (not in TRANSPORTS: the contract suite runs it whole).
 */
export type Transport = 'lambda' | 'lambda-v2' | 'http' | 'http-v2';
export const TRANSPORTS: readonly Transport[] = ['lambda', 'lambda-v2', 'http'];

/** Transports whose function verifies bearer tokens itself (an HTTP API without a JWT authorizer). */
const VERIFIED_IN_FUNCTION: ReadonlySet<Transport> = new Set(['lambda-v2', 'http-v2']);

export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The body parsed as JSON. */
  readonly json: Record<string, unknown>;
}

export interface CallOptions {
  /** An object is sent as JSON (with Content-Type application/json unless headers say otherwise). */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Who calls: the API's default test subject unless given; `null` sends no credentials at all. */
  readonly subject?: string | null;
}

export interface TestApiOptions {
  readonly overrides?: Overrides;
  /** Extra environment for the app's config. */
  readonly env?: Record<string, string>;
  /** Which deployed authorizer the HTTP transport's gateway stands in for; Cognito's unless given. */
  readonly authMode?: AuthMode;
}

export interface TestApi {
  readonly tableName: string;
  /** Signs tokens the HTTP transport's authorizer accepts (for tests that forge or vary them). */
  readonly identity: LocalIdentity;
  /** Calls the API; every response is checked against openapi.yaml before it is returned. */
  call(method: string, pathAndQuery: string, options?: CallOptions): Promise<ApiResponse>;
  close(): Promise<void>;
}

/**
 * The real app on a fresh table of the run's DynamoDB Local, reached either with proxy events
 * through the Lambda adapter or over HTTP through the local gateway.
 */
export async function startTestApi(transport: Transport, options: TestApiOptions = {}): Promise<TestApi> {
  const tableName = await createTestTable();
  const identity = await ephemeralIdentity();
  // Behind the HTTP API (no JWT authorizer) the function verifies tokens against the issuer's keys.
  const auth = VERIFIED_IN_FUNCTION.has(transport)
    ? {
        JWT_ISSUER: LOCAL_ISSUER,
        JWT_AUDIENCE: LOCAL_AUDIENCE,
        JWT_JWKS: JSON.stringify(await identity.jwks()),
      }
    : {};
  const config = loadConfig({ ...process.env, ...options.env, ...auth, TABLE_NAME: tableName });
  const app = composeApp(config, options.overrides);
  const send =
    transport === 'lambda'
      ? viaLambda(toProxyHandler(app))
      : transport === 'lambda-v2'
        ? viaHttpApiEvents(toHttpApiHandler(app), identity)
        : await viaHttp(
            transport === 'http-v2'
              ? { ...LOCAL_GATEWAY, payloadFormat: '2.0', handler: toHttpApiHandler(app) }
              : {
                  ...LOCAL_GATEWAY,
                  handler: toProxyHandler(app),
                  authorizer: await localAuthorizer(identity, options.authMode ?? 'cognito'),
                },
            identity,
          );
  const defaultSubject = `tester-${tableName}`;
  return {
    tableName,
    identity,
    async call(method, pathAndQuery, options = {}) {
      const subject = options.subject === undefined ? defaultSubject : options.subject;
      const response = await send.call(method, pathAndQuery, encode(options), subject);
      assertMatchesContract(method, pathAndQuery, response);
      return { ...response, json: parseJson(response.body) };
    },
    close: send.close,
  };
}

interface Encoded {
  readonly body?: string;
  readonly headers: Record<string, string>;
}

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

interface Sender {
  /** `subject` null: no credentials. */
  call(method: string, pathAndQuery: string, request: Encoded, subject: string | null): Promise<RawResponse>;
  close(): Promise<void>;
}

function encode({ body, headers = {} }: CallOptions): Encoded {
  if (body === undefined) return { headers };
  if (typeof body === 'string') return { body, headers };
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  return {
    body: JSON.stringify(body),
    headers: hasType ? headers : { 'Content-Type': 'application/json', ...headers },
  };
}

function viaLambda(handler: ProxyHandler): Sender {
  return {
    async call(method, pathAndQuery, { body, headers }, subject) {
      // As API Gateway's authorizer would have: verified claims in the event, or none at all.
      const event = createEvent(method, pathAndQuery, {
        headers,
        ...(body !== undefined && { body }),
        ...(subject !== null && { subject }),
      });
      const result = await handler(event);
      const lowered = Object.fromEntries(
        Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      return { status: result.statusCode, headers: lowered, body: result.body };
    },
    close: async () => {},
  };
}

function viaHttpApiEvents(handler: HttpApiHandler, identity: LocalIdentity): Sender {
  return {
    async call(method, pathAndQuery, { body, headers }, subject) {
      const event = createHttpApiEvent(method, pathAndQuery, {
        headers: { ...(await credentials(identity, headers, subject)), ...headers },
        ...(body !== undefined && { body }),
      });
      const result = await handler(event);
      const lowered = Object.fromEntries(
        Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      return { status: result.statusCode ?? 200, headers: lowered, body: result.body ?? '' };
    },
    close: async () => {},
  };
}

/** A bearer token for `subject`, unless the test sends none or its own Authorization header. */
async function credentials(
  identity: LocalIdentity,
  headers: Record<string, string>,
  subject: string | null,
): Promise<Record<string, string>> {
  const hasAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
  return subject === null || hasAuthorization
    ? {}
    : { Authorization: `Bearer ${await identity.issue(subject)}` };
}

const LOCAL_GATEWAY = { resources: methodsByTemplate(spec), cors: { origins: [] }, port: 0 } as const;

/** `options`: the gateway in front of the app, a REST API with its authorizer or an HTTP API without one. */
async function viaHttp(options: GatewayOptions, identity: LocalIdentity): Promise<Sender> {
  const gateway = await startGateway(options);
  return {
    async call(method, pathAndQuery, { body, headers }, subject) {
      const response = await fetch(`${gateway.url}${pathAndQuery}`, {
        method,
        headers: { ...(await credentials(identity, headers, subject)), ...headers },
        ...(body !== undefined && { body }),
      });
      const lowered: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        lowered[name] = value;
      });
      return { status: response.status, headers: lowered, body: await response.text() };
    },
    close: () => gateway.close(),
  };
}

function parseJson(body: string): Record<string, unknown> {
  if (body === '') return {};
  const value: unknown = JSON.parse(body);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : { value };
}

/**
 * Starts a TestApi before the enclosing describe's tests and closes it after them, even when they
 * fail. Returns a handle usable inside those tests.
 */
export function useTestApi(transport: Transport, options: TestApiOptions = {}): TestApi {
  let started: TestApi | undefined;
  beforeAll(async () => {
    started = await startTestApi(transport, options);
  });
  afterAll(() => started?.close());
  const current = (): TestApi => {
    if (started === undefined) throw new Error('useTestApi: the API is only there inside tests');
    return started;
  };
  return {
    get tableName() {
      return current().tableName;
    },
    get identity() {
      return current().identity;
    },
    call: (method, pathAndQuery, callOptions) => current().call(method, pathAndQuery, callOptions),
    close: () => current().close(),
  };
}
