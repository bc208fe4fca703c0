import { ClientError } from '../errors/client-error';

/** A page token that this API did not issue for this caller and query, or that has expired. */
export class InvalidPageTokenError extends ClientError {
  readonly kind = 'invalid-page-token';
  constructor(readonly reason: 'malformed' | 'signature' | 'expired') {
    super(`Page token rejected (${reason}).`);
    this.name = 'InvalidPageTokenError';
  }
}
