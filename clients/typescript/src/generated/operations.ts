// Generated from openapi.yaml by `npm run generate`. Do not edit.

/** The spec's `info.version` this SDK was generated from. */
export const specVersion = "2.3.1";

/** What each operation declares, by operationId: the SDK's methods are built from this table. */
export const operations = {
  "listItems": {
    "method": "GET",
    "path": "/items",
    "pathParams": [],
    "query": [
      "limit",
      "nextToken",
      "status"
    ],
    "ifMatch": false,
    "idempotencyKey": false,
    "page": "items",
    "body": false,
    "success": [
      200
    ]
  },
  "createItem": {
    "method": "POST",
    "path": "/items",
    "pathParams": [],
    "query": [],
    "ifMatch": false,
    "idempotencyKey": true,
    "page": false,
    "body": "application/json",
    "success": [
      201
    ]
  },
  "getItem": {
    "method": "GET",
    "path": "/items/{itemId}",
    "pathParams": [
      "itemId"
    ],
    "query": [],
    "ifMatch": false,
    "idempotencyKey": false,
    "page": false,
    "body": false,
    "success": [
      200
    ]
  },
  "replaceItem": {
    "method": "PUT",
    "path": "/items/{itemId}",
    "pathParams": [
      "itemId"
    ],
    "query": [],
    "ifMatch": true,
    "idempotencyKey": true,
    "page": false,
    "body": "application/json",
    "success": [
      200
    ]
  },
  "deleteItem": {
    "method": "DELETE",
    "path": "/items/{itemId}",
    "pathParams": [
      "itemId"
    ],
    "query": [],
    "ifMatch": true,
    "idempotencyKey": true,
    "page": false,
    "body": false,
    "success": [
      204
    ]
  },
  "updateItem": {
    "method": "PATCH",
    "path": "/items/{itemId}",
    "pathParams": [
      "itemId"
    ],
    "query": [],
    "ifMatch": true,
    "idempotencyKey": true,
    "page": false,
    "body": "application/merge-patch+json",
    "success": [
      200
    ]
  },
  "listMedia": {
    "method": "GET",
    "path": "/items/{itemId}/media",
    "pathParams": [
      "itemId"
    ],
    "query": [],
    "ifMatch": false,
    "idempotencyKey": false,
    "page": false,
    "body": false,
    "success": [
      200
    ]
  },
  "createMediaUpload": {
    "method": "POST",
    "path": "/items/{itemId}/media",
    "pathParams": [
      "itemId"
    ],
    "query": [],
    "ifMatch": false,
    "idempotencyKey": true,
    "page": false,
    "body": "application/json",
    "success": [
      201
    ]
  },
  "getMedia": {
    "method": "GET",
    "path": "/items/{itemId}/media/{mediaId}",
    "pathParams": [
      "itemId",
      "mediaId"
    ],
    "query": [],
    "ifMatch": false,
    "idempotencyKey": false,
    "page": false,
    "body": false,
    "success": [
      200
    ]
  },
  "deleteMedia": {
    "method": "DELETE",
    "path": "/items/{itemId}/media/{mediaId}",
    "pathParams": [
      "itemId",
      "mediaId"
    ],
    "query": [],
    "ifMatch": false,
    "idempotencyKey": true,
    "page": false,
    "body": false,
    "success": [
      204
    ]
  }
} as const;

export type OperationId = keyof typeof operations;

/** Every problem type the spec documents on its error responses. */
export const problemTypes = [
  "/problems/bad-request",
  "/problems/body-too-large",
  "/problems/forbidden",
  "/problems/idempotency-key-in-use",
  "/problems/idempotency-key-reused",
  "/problems/internal-error",
  "/problems/invalid-api-key",
  "/problems/invalid-page-token",
  "/problems/malformed-body",
  "/problems/media-limit-reached",
  "/problems/not-found",
  "/problems/precondition-failed",
  "/problems/quota-exceeded",
  "/problems/service-unavailable",
  "/problems/too-many-requests",
  "/problems/unauthorized",
  "/problems/unsupported-media-type",
  "/problems/validation-error",
  "/problems/write-conflict"
] as const;

export type ProblemType = (typeof problemTypes)[number];
