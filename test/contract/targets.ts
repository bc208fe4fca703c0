/** The APIs the contract suite runs against, handed from globalSetup to the suite through the environment. */
export interface ContractTarget {
  readonly name: string;
  readonly url: string;
  /** Keeps state between requests: created items can be read back (not the Prism mock). */
  readonly stateful: boolean;
  /** The Authorization header value every request carries. */
  readonly authorization: string;
  /** Also send invalid inputs (not through `prism proxy --errors`, which rejects them before the API sees them). */
  readonly negative: boolean;
  /**
   * Invalid-input cases this target is known not to answer per the contract, by a pattern over
   * `operationId: case`, with the reason. They are left out and listed in the run's summary.
   */
  readonly limitations?: Readonly<Record<string, string>>;
}

export const TARGETS_VARIABLE = 'CONTRACT_TARGETS';

export function contractTargets(): ContractTarget[] {
  const value = process.env[TARGETS_VARIABLE];
  if (value === undefined)
    throw new Error(`${TARGETS_VARIABLE} is not set: run through \`npm run test:contract\``);
  return JSON.parse(value) as ContractTarget[];
}
