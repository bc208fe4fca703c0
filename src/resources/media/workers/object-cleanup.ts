/**
 * What goes with a media record: its object. The table stream runs this on every media REMOVE
 * (deleteMedia, an abandoned upload, the cascade of its item's delete). Each object delete is
 * retried with backoff here; what still fails is thrown, so the event is retried by the stream
 * and, on AWS, ends in the dead-letter queue with an alarm.
 */
import type { Logger } from '../../../logger';
import type { RemovalHook } from '../../../storage/dynamodb/removal-cascade';
import { fromMediaRecord } from '../media-record';
import type { ObjectStore } from '../object-store';

export interface ObjectCleanupDependencies {
  readonly objects: ObjectStore;
  readonly logger: Logger;
  /** Attempts per object delete, the first included. */
  readonly attempts?: number;
  /** First backoff; doubled after each failure. */
  readonly backoffMs?: number;
}

export function createObjectCleanup(deps: ObjectCleanupDependencies): RemovalHook {
  const attempts = deps.attempts ?? 4;
  const backoffMs = deps.backoffMs ?? 100;
  return async (removed) => {
    const { objectKey } = fromMediaRecord(removed);
    for (let attempt = 1; ; attempt++) {
      try {
        return await deps.objects.delete(objectKey);
      } catch (error) {
        if (attempt >= attempts) throw error;
        deps.logger.info('media object delete failed; retrying', { objectKey, attempt, error });
        await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
      }
    }
  };
}
