/**
 * What a resource is to the rest of the API: one module.ts per resource folder declares it, and
 * src/resources/index.ts lists them. Everything shared (the app, the problem registry, the table
 * stream's cascade) is derived from that list, so adding a resource touches no shared file.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config, WorkerConfig } from '../config';
import type { ResourceHandlers } from '../http/operation-types';
import type { ProblemEntry } from '../http/problem-map';
import type { Logger } from '../logger';
import type { RecordPlacement, RemovalHook } from '../storage/dynamodb/removal-cascade';

/** What every resource's context is built from, once per container. */
export interface ResourceDependencies {
  readonly config: Config;
  readonly client: DynamoDBDocumentClient;
}

/** What a resource's table-stream hooks are built from, once per worker container. */
export interface WorkerDependencies {
  readonly config: WorkerConfig;
  readonly client: DynamoDBDocumentClient;
  readonly logger: Logger;
}

/**
 * One resource. `Context` is what it adds to the handler context; `Overrides` what tests may
 * replace in it (fault injection, where the real part cannot fail on cue).
 */
export interface ResourceModule<Name extends string, Context, Overrides> {
  readonly name: Name;
  readonly handlers: ResourceHandlers<Context>;
  readonly context: (deps: ResourceDependencies, overrides: Overrides) => Context;
  /** Its error kinds' problems: `satisfies ProblemMap<its error union>` where it is declared. */
  readonly problems: Readonly<Record<string, ProblemEntry<string>>>;
  readonly records: RecordPlacement;
  /** Besides removing its children: what else goes when one of its records goes (files, say). */
  readonly onRemoved?: (deps: WorkerDependencies, overrides: Overrides) => RemovalHook;
}

/** Any resource, as shared code sees it: a module's context and overrides are its own business. */
export interface AnyResource {
  readonly name: string;
  readonly handlers: object;
  readonly context: (deps: ResourceDependencies, overrides: never) => object;
  readonly problems: Readonly<Record<string, ProblemEntry<string>>>;
  readonly records: RecordPlacement;
  readonly onRemoved?: (deps: WorkerDependencies, overrides: never) => RemovalHook;
}
