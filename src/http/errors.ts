/** Errors the HTTP layer raises before a handler runs. Each maps to one problem type in problem.ts. */
import { ClientError } from '../errors/client-error';

/** No authenticated caller: the gateway's authorizer did not vouch for one. */
export class UnauthenticatedError extends ClientError {
  readonly kind = 'unauthenticated';
  constructor() {
    super('A valid bearer token is required.');
    this.name = 'UnauthenticatedError';
  }
}

export class RouteNotFoundError extends ClientError {
  readonly kind = 'route-not-found';
  constructor(readonly path: string) {
    super(`No resource at ${path}.`);
    this.name = 'RouteNotFoundError';
  }
}

export class MethodNotAllowedError extends ClientError {
  readonly kind = 'method-not-allowed';
  constructor(
    readonly method: string,
    readonly allowed: readonly string[],
  ) {
    super(`${method} is not allowed here; allowed: ${allowed.join(', ')}.`);
    this.name = 'MethodNotAllowedError';
  }
}

/** One invalid value: located by a JSON pointer into the body, or by a parameter name. */
export type FieldIssue =
  | { readonly pointer: string; readonly detail: string }
  | { readonly parameter: string; readonly detail: string };

export class RequestValidationError extends ClientError {
  readonly kind = 'request-validation';
  constructor(readonly issues: readonly FieldIssue[]) {
    super(`The request has ${issues.length} invalid ${issues.length === 1 ? 'field' : 'fields'}.`);
    this.name = 'RequestValidationError';
  }
}

export class MalformedBodyError extends ClientError {
  readonly kind = 'malformed-body';
  constructor(readonly reason: string) {
    super(`The request body is not valid JSON: ${reason}`);
    this.name = 'MalformedBodyError';
  }
}

export class BodyTooLargeError extends ClientError {
  readonly kind = 'body-too-large';
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes.`);
    this.name = 'BodyTooLargeError';
  }
}

export class UnsupportedMediaTypeError extends ClientError {
  readonly kind = 'unsupported-media-type';
  constructor(
    readonly received: string | undefined,
    readonly accepted: readonly string[],
  ) {
    super(
      `${received === undefined ? 'A body without Content-Type' : `Content-Type ${received}`} is not accepted here; use one of: ${accepted.join(', ')}.`,
    );
    this.name = 'UnsupportedMediaTypeError';
  }
}

export type HttpError =
  | UnauthenticatedError
  | RouteNotFoundError
  | MethodNotAllowedError
  | RequestValidationError
  | MalformedBodyError
  | BodyTooLargeError
  | UnsupportedMediaTypeError;
