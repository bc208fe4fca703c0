import type { RunningEngine } from '../../src/local/dynamodb-engine';

declare global {
  var __DYNAMODB_ENGINE__: RunningEngine | undefined;
  var __CONTRACT_STOPS__: Array<() => Promise<void>> | undefined;
}
