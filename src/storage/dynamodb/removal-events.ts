/**
 * Which table stream events remove a record, for the Lambda entry and the local stream follower
 * alike: a REMOVE (a hard delete, such as a media's) and the MODIFY that turns a record into a
 * tombstone (tombstone.ts). The REMOVE of a tombstone, when time to live takes it, removes nothing
 * anyone could still see, so it is not a removal: its cascade ran when the tombstone was written.
 */
import { isTombstone } from './tombstone';

/** A stream record's event name and images, marshalled or not. */
export interface StreamChange<Image extends Readonly<Record<string, unknown>>> {
  readonly eventName?: string | undefined;
  readonly OldImage?: Image | undefined;
  readonly NewImage?: Image | undefined;
}

/** The removed record's last live image, when this change removed one. */
export function removedImage<Image extends Readonly<Record<string, unknown>>>(
  change: StreamChange<Image>,
): Image | undefined {
  const { eventName, OldImage: before, NewImage: after } = change;
  if (before === undefined || isTombstone(before)) return undefined;
  if (eventName === 'REMOVE') return before;
  return eventName === 'MODIFY' && isTombstone(after) ? before : undefined;
}
