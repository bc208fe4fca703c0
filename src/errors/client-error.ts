/**
 * An error that is an answer to the client (a 4xx), not a fault: built without capturing a stack
 * trace, which was the largest single cost of a rejected request and which nothing reads
 * (problem.ts logs only faults). Faults (StorageUnavailableError, anything unknown) keep theirs.
 */
export abstract class ClientError extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}
