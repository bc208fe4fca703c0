import { marshall } from '@aws-sdk/util-dynamodb';
import { replayedPart } from '../../../src/storage/dynamodb/idempotency-record';
import { IdempotencyKeyReusedError } from '../../../src/writes/errors';
import type { IdempotencyClaim } from '../../../src/writes/write-request';

const claim: IdempotencyClaim = {
  scope: 'createItem',
  keyDigest: 'k'.repeat(43),
  fingerprint: 'f'.repeat(43),
  now: 1_796_000_000,
  expiresAt: 1_796_086_400,
};
const generated = { id: '01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71', createdAt: '2026-12-05T10:00:00.000Z' };
const stored = (fields: Record<string, unknown>) =>
  marshall({ pk: 'OWNER#a', sk: 'IDEMPOTENCY#createItem#k', expiresAt: claim.expiresAt, ...fields });

describe('replayedPart', () => {
  it.each([
    ['a record of what the create generated', stored({ fingerprint: claim.fingerprint, generated })],
    // Written before 2.3.1: a copy of the whole answer, which holds the generated values too.
    [
      'a record holding a copy of the answer',
      stored({ fingerprint: claim.fingerprint, answer: { ...generated, name: 'Report', version: 1 } }),
    ],
  ])('gives the first request’s generated values from %s', (_case, image) => {
    // Act
    const part = replayedPart(image, claim);

    // Assess
    expect(part).toMatchObject(generated);
  });

  it('refuses a replay of another request under the same key', () => {
    const image = stored({ fingerprint: 'another', generated });

    expect(() => replayedPart(image, claim)).toThrow(IdempotencyKeyReusedError);
  });

  it('reports a record without generated values as corrupt, naming its keys', () => {
    const image = stored({ fingerprint: claim.fingerprint });

    expect(() => replayedPart(image, claim)).toThrow(
      'Stored record OWNER#a/IDEMPOTENCY#createItem#k is not an idempotency record',
    );
  });
});
