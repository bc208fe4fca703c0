/**
 * The one problem catalog: every RFC 9457 problem type this API answers with, by name. The Lambda
 * (problem.ts), the local gateway and the CDK gateway responses all render from this table, so a
 * status, title or type URI cannot differ between them. The type URI is `/problems/<name>`.
 */

export interface ProblemType {
  readonly status: number;
  readonly title: string;
  /** The detail when an occurrence has nothing more specific to say. */
  readonly detail: string;
  /** Headers every response of this type carries, lower case. */
  readonly headers?: Readonly<Record<string, string>>;
}

export const PROBLEM_TYPES = {
  'validation-error': {
    status: 400,
    title: 'Request validation failed',
    detail: 'The request does not match the API contract.',
  },
  'malformed-body': {
    status: 400,
    title: 'Malformed request body',
    detail: 'The request body is not valid JSON.',
  },
  'body-too-large': {
    status: 413,
    title: 'Request body too large',
    detail: 'The request body is larger than this API accepts.',
  },
  'invalid-page-token': {
    status: 400,
    title: 'Invalid page token',
    detail: 'nextToken is not a token issued by this API for this query, or it has expired.',
  },
  'bad-request': { status: 400, title: 'Bad request', detail: 'The request could not be understood.' },
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    detail: 'A valid bearer token is required.',
    headers: { 'www-authenticate': 'Bearer' },
  },
  forbidden: { status: 403, title: 'Forbidden', detail: 'Access to this resource is denied.' },
  'invalid-api-key': {
    status: 403,
    title: 'Invalid API key',
    detail: 'A valid x-api-key header is required.',
  },
  'not-found': { status: 404, title: 'Not found', detail: 'No resource at this path and method.' },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    detail: 'This method is not allowed on this resource.',
  },
  'request-timeout': {
    status: 408,
    title: 'Request timeout',
    detail: 'The request did not arrive in time; the connection is closed.',
  },
  'precondition-failed': {
    status: 412,
    title: 'Precondition failed',
    detail:
      'The item has changed since you read it (If-Match does not match its ETag); fetch it again and retry.',
  },
  'write-conflict': {
    status: 409,
    title: 'Write conflict',
    detail: 'Another write to this item is in progress; retry shortly.',
    headers: { 'retry-after': '1' },
  },
  'idempotency-key-in-use': {
    status: 409,
    title: 'Idempotency key in use',
    detail: 'A request with this Idempotency-Key is still in progress; retry shortly to get its answer.',
    headers: { 'retry-after': '1' },
  },
  'media-limit-reached': {
    status: 409,
    title: 'Media limit reached',
    detail: 'The item already has its 20 media; delete one before adding another.',
  },
  'idempotency-key-reused': {
    status: 422,
    title: 'Idempotency key reused',
    detail:
      'This Idempotency-Key was already used with a different request; use a new key for a new request.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    detail: 'The request body has a media type this operation does not accept.',
  },
  'too-many-requests': {
    status: 429,
    title: 'Too many requests',
    detail: 'Request rate limit exceeded; retry with backoff.',
  },
  'quota-exceeded': {
    status: 429,
    title: 'Quota exceeded',
    detail: 'The usage plan quota for this API key is used up.',
  },
  'internal-error': {
    status: 500,
    title: 'Internal server error',
    detail: 'The server could not complete the request. Quote the instance id when reporting this.',
  },
  'service-unavailable': {
    status: 503,
    title: 'Service unavailable',
    detail:
      'The item store did not answer in time. Retry after the delay in Retry-After; a write may have been applied, so retry it with If-Match or the same Idempotency-Key.',
    headers: { 'retry-after': '2' },
  },
  'bad-gateway': { status: 502, title: 'Upstream failure', detail: 'The function failed to answer.' },
  'gateway-timeout': {
    status: 504,
    title: 'Gateway timeout',
    detail: 'The function did not answer in time.',
  },
} as const satisfies Readonly<Record<string, ProblemType>>;

export type ProblemName = keyof typeof PROBLEM_TYPES;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The problem's `type` member: a URI reference, stable across requests. */
export const problemTypeUri = (name: ProblemName): string => `/problems/${name}`;

/** The members a problem+json body has, before the occurrence's own `instance`. */
export interface ProblemMembers {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
}

/** The catalog entry as problem members, with the occurrence's detail when it has one. */
export function problemMembers(name: ProblemName, detail?: string): ProblemMembers {
  const problem: ProblemType = PROBLEM_TYPES[name];
  return {
    type: problemTypeUri(name),
    title: problem.title,
    status: problem.status,
    detail: detail ?? problem.detail,
  };
}

/** The headers a response of this problem type carries, content type included. */
export function problemHeaders(name: ProblemName): Record<string, string> {
  const problem: ProblemType = PROBLEM_TYPES[name];
  return { 'content-type': PROBLEM_CONTENT_TYPE, ...problem.headers };
}
