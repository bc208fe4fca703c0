// Generated from openapi.yaml by `npm run generate`. Do not edit.
// Response body validators, by schema key (generated/response-table.js), by operationId, compiled ahead of time with ajv (standalone code).
import type { Validator } from '../src/http/router';

declare const validators: Readonly<Record<string, Validator>>;
export = validators;
