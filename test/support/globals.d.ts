import type { RunningEngine } from '../../src/local/engines/dynamodb-engine';
import type { LocalS3 } from '../../src/local/engines/s3-server';

declare global {
  var __DYNAMODB_ENGINE__: RunningEngine | undefined;
  var __LOCAL_S3__: LocalS3 | undefined;
  var __CONTRACT_STOPS__: Array<() => Promise<void>> | undefined;
}
