/** items-api-client: the Items API's SDK. README.md says how to use it. */
export { createItemsApi, type ItemsApiOptions } from './create-items-api.js';
export {
  type OperationId,
  operations,
  type ProblemType,
  problemTypes,
  specVersion,
} from './generated/operations.js';
export { ProblemError } from './problem-error.js';
export type { TokenSource } from './send.js';
export type {
  ApiCall,
  Args,
  CallOptions,
  Data,
  IfMatch,
  Item,
  ItemsApi,
  Media,
  OperationMethods,
  PagedCall,
  PageEntry,
  Problem,
  ProblemFieldError,
  ResponseInfo,
  UploadMediaArgs,
  WithResponse,
} from './types.js';
