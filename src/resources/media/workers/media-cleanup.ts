/**
 * The media stream worker: follows the items table's REMOVE events (DynamoDB Streams on AWS, the
 * same stream of DynamoDB Local locally) so that nothing outlives what it belongs to:
 *
 * - an item removed → its media records are removed (the cascade of DELETE /items/{itemId});
 * - a media record removed (deleteMedia, the cascade, an abandoned upload) → its object is deleted.
 *
 * Each object delete is retried with backoff here; what still fails is thrown, so the event is
 * retried by the stream and, on AWS, ends in the dead-letter queue with an alarm.
 */
import type { Logger } from '../../../logger';
import { ITEM_SORT_KEY_PREFIX, ITEMS_TABLE } from '../../../storage/dynamodb/table-design';
import { fromMediaRecord } from '../media-record';
import type { MediaMaintenance } from '../media-repository';
import type { ObjectStore } from '../object-store';

export interface MediaCleanupDependencies {
  readonly maintenance: MediaMaintenance;
  readonly objects: ObjectStore;
  readonly logger: Logger;
  /** Attempts per object delete, the first included. */
  readonly attempts?: number;
  /** First backoff; doubled after each failure. */
  readonly backoffMs?: number;
}

/** A removed record's old image, unmarshalled. */
export type RemovedRecord = Readonly<Record<string, unknown>>;

export type MediaCleanup = (removed: RemovedRecord) => Promise<void>;

export function createMediaCleanup(deps: MediaCleanupDependencies): MediaCleanup {
  const attempts = deps.attempts ?? 4;
  const backoffMs = deps.backoffMs ?? 100;
  return async (removed) => {
    const partition = removed[ITEMS_TABLE.partitionKey];
    const sortKey = removed[ITEMS_TABLE.sortKey];
    if (typeof partition !== 'string' || typeof sortKey !== 'string') return;
    if (sortKey.startsWith(ITEM_SORT_KEY_PREFIX) && typeof removed.id === 'string') {
      const media = await deps.maintenance.mediaOfItem(partition, removed.id);
      await Promise.all(media.map((each) => deps.maintenance.remove(each)));
      return;
    }
    if (sortKey.startsWith('MEDIA#')) {
      const { objectKey } = fromMediaRecord(removed);
      await retried(
        () => deps.objects.delete(objectKey),
        attempts,
        backoffMs,
        (error, attempt) =>
          deps.logger.info('media object delete failed; retrying', { objectKey, attempt, error }),
      );
    }
  };
}

async function retried(
  call: () => Promise<void>,
  attempts: number,
  backoffMs: number,
  onRetry: (error: unknown, attempt: number) => void,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts) throw error;
      onRetry(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
    }
  }
}
