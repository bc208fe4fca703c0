/**
 * The answers the local gateway gives itself, without calling the function, as the deployed
 * gateway does: its own problems and refusals (rendered from the one problem catalog) and CORS
 * preflight. Each carries the CORS headers, so a browser can read it.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyResult } from 'aws-lambda';
import type { HttpResponse } from '../../http/http-types';
import { type CorsPolicy, corsHeaders, preflightHeaders } from '../../http/middleware/cors';
import { problemResponse, renderProblem } from '../../http/problem';
import type { ProblemName } from '../../http/problem-types';
import { jsonLogger } from '../../logger';

/** An answer the gateway gives itself, rendered from the problem catalog as the deployed gateway's responses are. */
export function gatewayProblem(
  origin: string | undefined,
  cors: CorsPolicy,
  name: ProblemName,
  detail?: string,
): APIGatewayProxyResult {
  const problem = renderProblem({ name, ...(detail !== undefined && { detail }) }, randomUUID());
  return withCors(problem, cors, origin);
}

/** A known error the function would answer the same way, answered here with CORS headers. */
export function refusal(error: Error, origin: string | undefined, cors: CorsPolicy): APIGatewayProxyResult {
  return withCors(problemResponse(error, randomUUID(), jsonLogger), cors, origin);
}

/** The answer to a preflight for a resource with these methods, as the deployed gateway's mock integration gives it. */
export function preflightAnswer(
  cors: CorsPolicy,
  origin: string | undefined,
  methods: readonly string[],
): APIGatewayProxyResult {
  return { statusCode: 204, headers: preflightHeaders(cors, origin, methods), body: '' };
}

function withCors(
  problem: HttpResponse,
  cors: CorsPolicy,
  origin: string | undefined,
): APIGatewayProxyResult {
  return {
    statusCode: problem.status,
    headers: { ...problem.headers, ...corsHeaders(cors, origin) },
    body: problem.body ?? '',
  };
}
