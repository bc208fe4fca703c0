import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidPageTokenError } from './errors';

/** What a token is bound to: a token issued for one scope is rejected in any other. */
export interface PageScope {
  readonly owner: string;
  /** Canonical form of the query's filters, e.g. `status=active`. */
  readonly filter: string;
}

interface TokenPayload {
  /** Position: the id of the last item on the page the token follows. */
  readonly p: string;
  /** Expiry, in seconds since the epoch. */
  readonly e: number;
}

const FORMAT_VERSION = 'v1';

/**
 * Issues and reads opaque, tamper-evident page tokens.
 * The owner and filter are part of the MAC but not of the token, so a token reveals nothing about
 * its owner and cannot be replayed by another caller or with another filter.
 */
export class PageTokenCodec {
  constructor(
    private readonly secret: Buffer,
    private readonly ttlSeconds: number,
    private readonly nowMs: () => number = Date.now,
  ) {
    if (secret.length < 32) throw new Error('page token secret must be at least 32 bytes');
  }

  issue(scope: PageScope, position: string): string {
    const payload: TokenPayload = { p: position, e: Math.floor(this.nowMs() / 1000) + this.ttlSeconds };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.sign(scope, body).toString('base64url')}`;
  }

  /** Returns the position the token points after; throws InvalidPageTokenError for anything else. */
  read(scope: PageScope, token: string): string {
    const [body, signature, extra] = token.split('.');
    if (body === undefined || signature === undefined || extra !== undefined) {
      throw new InvalidPageTokenError('malformed');
    }
    const expected = this.sign(scope, body);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new InvalidPageTokenError('signature');
    }
    const payload = parsePayload(body);
    if (payload.e * 1000 < this.nowMs()) throw new InvalidPageTokenError('expired');
    return payload.p;
  }

  private sign(scope: PageScope, body: string): Buffer {
    return createHmac('sha256', this.secret)
      .update(`${FORMAT_VERSION}\n${scope.owner}\n${scope.filter}\n${body}`)
      .digest();
  }
}

function parsePayload(body: string): TokenPayload {
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (
      typeof value === 'object' &&
      value !== null &&
      'p' in value &&
      'e' in value &&
      typeof value.p === 'string' &&
      typeof value.e === 'number'
    ) {
      return { p: value.p, e: value.e };
    }
  } catch {
    // A signed body that does not parse can only come from a key compromise or a bug; treat as malformed.
  }
  throw new InvalidPageTokenError('malformed');
}
