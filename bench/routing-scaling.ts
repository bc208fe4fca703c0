/**
 * Routing scaling: route + validate one request to an operation in the middle of specs of 6 (ours),
 * 50 and 200 operations, with our precompiled router and with openapi-backend's router and
 * validator. Each router and spec gets a process of its own. The figure that matters is the
 * ratio of the 200-operation spec to ours: routing should not get slower as the API grows.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { operationsOf } from '../src/spec/openapi-document';
import { runNode } from './child-process';
import type { RoutingResult } from './runners/protocol';
import { routingRequest, scaledSpec } from './synthetic-spec';

export type RouterKind = 'ours' | 'ours-path-only' | 'openapi-backend';

export interface SpecSize {
  readonly label: string;
  readonly operations: number;
}

export interface RouterScaling {
  readonly router: RouterKind;
  /** By spec label; an error message where that run failed. */
  readonly results: Record<string, RoutingResult | { readonly error: string }>;
}

export interface ScalingOptions {
  readonly runner: string;
  readonly workDir: string;
  /** Bundle exporting compileRouter; undefined when it could not be built. */
  readonly ourRouterModule: string | undefined;
  readonly spec: Record<string, unknown>;
  /** The request timed: its resource is copied to the middle of each larger spec. */
  readonly event: APIGatewayProxyEvent;
  readonly scaledSizes: readonly number[];
  readonly calls: number;
  readonly batches: number;
}

export const OUR_SPEC_LABEL = 'our spec';

export interface RoutingScaling {
  readonly sizes: readonly SpecSize[];
  readonly routers: readonly RouterScaling[];
  /** By router, then by scaled spec label: its median µs over the median µs at our spec. */
  readonly ratios: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export async function measureRoutingScaling(options: ScalingOptions): Promise<RoutingScaling> {
  const ourOperations = operationsOf(options.spec).length;
  const specs = [
    {
      label: OUR_SPEC_LABEL,
      operations: ourOperations,
      spec: options.spec,
      template: options.event.resource,
    },
    ...options.scaledSizes.map((operations) => {
      const scaled = scaledSpec(options.spec, operations, options.event.resource);
      return { label: `${operations} ops`, operations, spec: scaled.spec, template: scaled.middleTemplate };
    }),
  ];
  const files = await Promise.all(
    specs.map(async ({ operations, spec, template }) => {
      const specFile = path.join(options.workDir, `spec-${operations}.json`);
      const requestFile = path.join(options.workDir, `request-${operations}.json`);
      await writeFile(specFile, JSON.stringify(spec));
      await writeFile(requestFile, JSON.stringify(routingRequest(options.event, template)));
      return { specFile, requestFile };
    }),
  );
  const kinds: RouterKind[] =
    options.ourRouterModule === undefined
      ? ['openapi-backend']
      : ['ours', 'ours-path-only', 'openapi-backend'];
  const routers: RouterScaling[] = [];
  for (const router of kinds) {
    const results: Record<string, RoutingResult | { error: string }> = {};
    for (const [index, { label }] of specs.entries()) {
      const file = files[index];
      if (file === undefined) continue;
      try {
        const { line } = await runNode(
          [
            options.runner,
            router,
            file.specFile,
            file.requestFile,
            String(options.calls),
            String(options.batches),
            options.ourRouterModule ?? '',
          ],
          300_000,
        );
        // The runner's own report line (bench/runners/routing.ts).
        results[label] = JSON.parse(line) as RoutingResult;
      } catch (error) {
        results[label] = { error: error instanceof Error ? error.message : String(error) };
      }
    }
    routers.push({ router, results });
  }
  return {
    sizes: specs.map(({ label, operations }) => ({ label, operations })),
    routers,
    ratios: Object.fromEntries(routers.map(({ router, results }) => [router, ratiosToOurSpec(results)])),
  };
}

function ratiosToOurSpec(results: RouterScaling['results']): Record<string, number> {
  const reference = results[OUR_SPEC_LABEL];
  if (reference === undefined || 'error' in reference) return {};
  return Object.fromEntries(
    Object.entries(results).flatMap(([label, result]) =>
      label === OUR_SPEC_LABEL || 'error' in result
        ? []
        : [[label, result.medianMicros / reference.medianMicros]],
    ),
  );
}
