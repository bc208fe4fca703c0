/** What can go wrong with an item that is the client's to fix; each kind has its problem in ./module.ts. */
import { ClientError } from '../../errors/client-error';

/** No item with this id exists for the caller (another owner's item is reported the same way). */
export class ItemNotFoundError extends ClientError {
  readonly kind = 'item-not-found';
  constructor(readonly itemId: string) {
    super(`Item ${itemId} does not exist.`);
    this.name = 'ItemNotFoundError';
  }
}

/** The item exists but is not at any of the versions the caller expected. */
export class VersionMismatchError extends ClientError {
  readonly kind = 'version-mismatch';
  constructor(readonly itemId: string) {
    super(`Item ${itemId} has changed since it was read.`);
    this.name = 'VersionMismatchError';
  }
}
