/** Who is calling, as established by the gateway's authorizer. */
export interface Caller {
  readonly subject: string;
}

/** The template API Gateway matched for a request (its `resource`), with the path parameters it bound. */
export interface RouteHint {
  /** The spec's path template, e.g. `/items/{itemId}`. */
  readonly template: string;
  readonly pathParameters: Readonly<Record<string, string>>;
}

/**
 * A request as the HTTP layer sees it: no Lambda or Node types, header names in lower case,
 * the body as text. The Lambda entry and the local gateway both produce this.
 */
export interface HttpRequest {
  readonly method: string;
  /** The path within the API (`/items/…`): without the stage or a custom domain's base path. */
  readonly path: string;
  /**
   * What the client's URL has before the API's own paths, as the gateway said: `/dev` for the
   * execute-api URL of stage dev, `/v1` for a custom domain's base path mapping v1, absent at a
   * domain's root and on the local server. Links the API returns start with it (see ./links.ts).
   */
  readonly basePath?: string | undefined;
  /** Present when the gateway already matched the template: dispatch is then a table lookup. */
  readonly routeHint?: RouteHint | undefined;
  readonly headers: Readonly<Record<string, string>>;
  /** Repeated query parameters keep every value, so validation can reject them. */
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  readonly body?: string | undefined;
  /** Set instead of `body` when the gateway's body cannot be read as text (not UTF-8): the app answers 400. */
  readonly bodyUnreadable?: string | undefined;
  readonly requestId: string;
  /** Absent when no authorizer vouched for the caller. */
  readonly caller?: Caller | undefined;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export type HttpApp = (request: HttpRequest) => Promise<HttpResponse>;
