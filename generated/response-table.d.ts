// Generated from openapi.yaml by `npm run generate`. Do not edit.
import type { ResponseTable } from '../src/http/middleware/response-validation';

export declare const responses: ResponseTable;
