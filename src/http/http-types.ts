/** Who is calling, as established by the gateway's authorizer. */
export interface Caller {
  readonly subject: string;
}

/**
 * A request as the HTTP layer sees it: no Lambda or Node types, header names in lower case,
 * the body as text. The Lambda entry and the local gateway both produce this.
 */
export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Repeated query parameters keep every value, so validation can reject them. */
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  readonly body?: string;
  readonly requestId: string;
  /** Absent when no authorizer vouched for the caller. */
  readonly caller?: Caller;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export type HttpApp = (request: HttpRequest) => Promise<HttpResponse>;
