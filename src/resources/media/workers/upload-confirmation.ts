/**
 * The upload worker: S3's ObjectCreated notification for a media object makes its media `ready`,
 * but only when the object is exactly what was declared (size and type); anything else is deleted
 * and never served. Confirmed objects are retagged so the bucket's lifecycle rule for abandoned
 * (still `media=pending`) uploads leaves them alone.
 */

import type { Logger } from '../../../logger';
import { matchesDeclaration } from '../media';
import type { MediaMaintenance } from '../media-repository';
import type { ObjectStore } from '../object-store';

export interface UploadConfirmationDependencies {
  readonly maintenance: MediaMaintenance;
  readonly objects: ObjectStore;
  readonly logger: Logger;
}

export const CONFIRMED_UPLOAD_TAGGING = 'media=ready';

export type UploadConfirmation = (objectKey: string) => Promise<'ready' | 'rejected' | 'unknown'>;

export function createUploadConfirmation(deps: UploadConfirmationDependencies): UploadConfirmation {
  return async (objectKey) => {
    // The object names its record (signed metadata set at announce time): no index of object keys.
    const stored = await deps.objects.head(objectKey);
    if (stored?.record === undefined) return 'unknown';
    const found = await deps.maintenance.findByLocator(stored.record);
    // No media (deleted, or abandoned and removed): the lifecycle rule expires the pending object.
    if (found === undefined || found.media.objectKey !== objectKey) return 'unknown';
    if (!matchesDeclaration(found.media, stored)) {
      deps.logger.info('upload does not match its declaration; deleted', { objectKey, stored });
      await deps.objects.delete(objectKey);
      return 'rejected';
    }
    if (found.media.status === 'pending') {
      await deps.objects.retag(objectKey, CONFIRMED_UPLOAD_TAGGING);
      await deps.maintenance.markStoredReady(found);
    }
    return 'ready';
  };
}
