/**
 * Synthesizes the stack as `npm run synth` does: with cdk.json's context (the feature flags change
 * what is synthesized), the stage context given, and the real bundles built into a temporary directory.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import spec from '../../generated/openapi.json';
import { ItemsApiStack } from '../../infra/items-api-stack';
import { addNagChecks } from '../../infra/nag';
import { stageConfig } from '../../infra/stage-config';
import { buildLambda, buildMediaWorkers } from '../../scripts/build';
import { isObject, type Json } from '../../src/spec/openapi-document';

const root = path.resolve(__dirname, '../..');

/** The context cdk.json gives every synth (feature flags included). */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson: unknown = JSON.parse(readFileSync(path.join(root, 'cdk.json'), 'utf8'));
  if (!isObject(cdkJson) || !isObject(cdkJson.context)) throw new Error('cdk.json has no context');
  return cdkJson.context;
}

/** The bundle directories every stack shape deploys (the JWT authorizer's is an option). */
export interface Bundles {
  readonly lambdaCodePath: string;
  readonly mediaWorkersCodePath: string;
}

/** Builds the bundles once per test file; call from beforeAll. */
export async function buildBundles(): Promise<Bundles> {
  const [lambdaCodePath, mediaWorkersCodePath] = await Promise.all([
    buildLambda(await mkdtemp(path.join(tmpdir(), 'items-api-lambda-'))),
    buildMediaWorkers(await mkdtemp(path.join(tmpdir(), 'items-api-media-'))),
  ]);
  return { lambdaCodePath, mediaWorkersCodePath };
}

export interface SynthOptions {
  /** Run cdk-nag's AwsSolutions checks as infra/app.ts does (synthesis throws on a finding). */
  readonly nag?: boolean;
  /** Where the cloud assembly goes (the nag report is written there). */
  readonly outdir?: string;
  /** The built authorizer (scripts/build.ts buildAuthorizer), for `authorizer: 'jwt'`. */
  readonly authorizerCodePath?: string;
}

export function synthStack(
  bundles: Bundles,
  context: Record<string, string> = {},
  options: SynthOptions = {},
): { readonly stack: ItemsApiStack; readonly template: Template; readonly app: App } {
  const app = new App({
    context: { ...cdkJsonContext(), ...context },
    ...(options.outdir !== undefined && { outdir: options.outdir }),
  });
  if (options.nag === true) addNagChecks(app);
  const config = stageConfig((key) => app.node.tryGetContext(key));
  const stack = new ItemsApiStack(app, 'Test', {
    config,
    spec,
    ...bundles,
    ...(options.authorizerCodePath !== undefined && { authorizerCodePath: options.authorizerCodePath }),
  });
  if (options.nag === true) app.synth();
  return { stack, template: Template.fromStack(stack), app };
}

/** The REST API's inline definition (the spec with the AWS extensions). */
export function definitionOf(template: Template): Json {
  const [api] = Object.values(template.findResources('AWS::ApiGateway::RestApi'));
  const body: unknown = api?.Properties?.Body;
  if (!isObject(body)) throw new Error('the REST API has no inline definition');
  return body;
}
