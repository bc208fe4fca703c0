import type { Handler, OperationId } from '../../http/operation-types';
import type { ItemService } from './item-service';

/** What the items resource adds to the handler context. */
export interface ItemsContext {
  readonly items: ItemService;
}

/** A handler of an items operation. */
export type ItemsHandler<Id extends OperationId> = Handler<Id, ItemsContext>;
