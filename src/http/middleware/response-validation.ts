/**
 * Response validation in shadow mode: a sampled share of answers is checked against the responses
 * the spec documents for the operation. A mismatch is logged and counted, never turned into an
 * error for the client. The checks (generated/response-*.js, from scripts/response-validators.ts)
 * are precompiled and loaded on the first sample, so a cold start neither compiles nor loads them.
 */
import type validatorModule from '../../../generated/response-validators';
import type { Logger } from '../../logger';
import type { HttpResponse } from '../http-types';
import type { Validator } from '../router';
import type { Exchange, Middleware } from './chain';
import { type ExtraMetric, METRIC } from './metrics';

/** One documented response: header names it requires (lower case) and body schema key by media type. */
export interface DocumentedResponse {
  readonly headers: readonly string[];
  readonly content: Readonly<Record<string, string>>;
}

/** Per operationId, per status (`200`, `4XX`, `default`): what the spec documents. */
export type ResponseTable = Readonly<Record<string, Readonly<Record<string, DocumentedResponse>>>>;

export interface ResponseChecks {
  readonly table: ResponseTable;
  /** Body validators by the schema keys the table names. */
  readonly validators: Readonly<Record<string, Validator>>;
}

export interface ResponseValidationOptions {
  /** Share of responses checked, 0 to 1. */
  readonly sampleRate: number;
  readonly logger: Logger;
  readonly count: (exchange: Exchange, name: ExtraMetric) => void;
  readonly load?: () => ResponseChecks;
  readonly random?: () => number;
}

/** The generated checks, required on the first sample rather than imported at cold start. */
function loadGenerated(): ResponseChecks {
  const validators: typeof validatorModule = require('../../../generated/response-validators');
  const {
    responses,
  }: typeof import('../../../generated/response-table') = require('../../../generated/response-table');
  return { table: responses, validators };
}

export function responseValidationMiddleware({
  sampleRate,
  logger,
  count,
  load = loadGenerated,
  random = Math.random,
}: ResponseValidationOptions): Middleware {
  let checks: ResponseChecks | undefined;
  return async (exchange, next) => {
    const response = await next();
    const { operationId } = exchange;
    if (operationId === undefined || random() >= sampleRate) return response;
    try {
      checks ??= load();
      const problems = responseMismatches(checks, operationId, response);
      count(exchange, METRIC.responseValidated);
      if (problems.length > 0) {
        count(exchange, METRIC.responseMismatch);
        logger.warn('response does not match the spec', {
          requestId: exchange.request.requestId,
          operationId,
          status: response.status,
          mismatches: problems,
        });
      }
    } catch (error) {
      logger.error('response validation failed', {
        requestId: exchange.request.requestId,
        operationId,
        error,
      });
    }
    return response;
  };
}

/** What in `response` differs from the spec's responses for `operationId`, in words; empty when it matches. */
export function responseMismatches(
  { table, validators }: ResponseChecks,
  operationId: string,
  response: HttpResponse,
): string[] {
  const documented = table[operationId];
  const expected =
    documented?.[String(response.status)] ??
    documented?.[`${String(response.status).charAt(0)}XX`] ??
    documented?.default;
  if (expected === undefined) return [`status ${response.status} is not documented for ${operationId}`];
  const problems = expected.headers
    .filter((name) => response.headers[name] === undefined)
    .map((name) => `header ${name} is missing`);
  const body = response.body ?? '';
  const mediaTypes = Object.keys(expected.content);
  if (mediaTypes.length === 0) {
    if (body !== '') problems.push(`a body was sent; status ${response.status} documents none`);
    return problems;
  }
  const mediaType = response.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
  const key = expected.content[mediaType];
  if (key === undefined) {
    problems.push(`content type "${mediaType}" is not documented; expected ${mediaTypes.join(' or ')}`);
    return problems;
  }
  let value: unknown = body;
  if (/[/+]json$/.test(mediaType)) {
    try {
      value = JSON.parse(body);
    } catch {
      problems.push('the body is not JSON');
      return problems;
    }
  }
  const validate = validators[key];
  if (validate === undefined) throw new Error(`no response validator ${key}; run npm run generate`);
  if (!validate(value)) {
    // Keyword and params only (`type {"type":"integer"}`): the checks carry no messages, and no data.
    for (const error of validate.errors ?? [])
      problems.push(`body${error.instancePath} fails ${error.keyword} ${JSON.stringify(error.params)}`);
  }
  return problems;
}
