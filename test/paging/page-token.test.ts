import { randomBytes } from 'node:crypto';
import { InvalidPageTokenError } from '../../src/paging/errors';
import { PageTokenCodec } from '../../src/paging/page-token';

describe('PageTokenCodec', () => {
  const secret = randomBytes(32);
  const scope = { owner: 'alice', filter: 'status=active' };
  let now = Date.parse('2026-11-23T10:00:00Z');
  const codec = new PageTokenCodec(secret, 3600, () => now);

  it('reads back the position it issued', () => {
    expect(codec.read(scope, codec.issue(scope, 'item-42'))).toBe('item-42');
  });

  it('does not reveal the owner or filter in the token', () => {
    const decoded = Buffer.from(codec.issue(scope, 'item-42').split('.')[0] ?? '', 'base64url').toString();

    expect(decoded).not.toContain('alice');
    expect(decoded).not.toContain('active');
  });

  it.each([
    ['another owner', { owner: 'mallory', filter: 'status=active' }, 'signature'],
    ['another filter', { owner: 'alice', filter: '' }, 'signature'],
  ])('rejects a token replayed by %s', (_case, otherScope, reason) => {
    const token = codec.issue(scope, 'item-42');

    expect(() => codec.read(otherScope, token)).toThrow(new InvalidPageTokenError(reason as 'signature'));
  });

  it('rejects a token signed with another key', () => {
    const other = new PageTokenCodec(randomBytes(32), 3600, () => now);

    expect(() => codec.read(scope, other.issue(scope, 'item-42'))).toThrow(InvalidPageTokenError);
  });

  it('rejects an expired token', () => {
    const token = codec.issue(scope, 'item-42');
    now += 3601 * 1000;

    expect(() => codec.read(scope, token)).toThrow(new InvalidPageTokenError('expired'));
  });

  it.each(['', 'abc', 'a.b.c', '.', 'e30.', '!!!.???'])('rejects the malformed token %p', (token) => {
    expect(() => codec.read(scope, token)).toThrow(InvalidPageTokenError);
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => new PageTokenCodec(randomBytes(16), 60)).toThrow('at least 32 bytes');
  });
});
