// Generated from openapi.yaml by `npm run generate`. Do not edit.
import type { OperationRoute } from '../src/http/router';

export const operations: readonly OperationRoute[] = [
  {
    "operationId": "listItems",
    "method": "GET",
    "template": "/items",
    "requestMediaTypes": [],
    "headerNames": {}
  },
  {
    "operationId": "createItem",
    "method": "POST",
    "template": "/items",
    "requestMediaTypes": [
      "application/json"
    ],
    "headerNames": {
      "idempotency-key": "Idempotency-Key"
    }
  },
  {
    "operationId": "getItem",
    "method": "GET",
    "template": "/items/{itemId}",
    "requestMediaTypes": [],
    "headerNames": {}
  },
  {
    "operationId": "replaceItem",
    "method": "PUT",
    "template": "/items/{itemId}",
    "requestMediaTypes": [
      "application/json"
    ],
    "headerNames": {
      "if-match": "If-Match",
      "idempotency-key": "Idempotency-Key"
    }
  },
  {
    "operationId": "updateItem",
    "method": "PATCH",
    "template": "/items/{itemId}",
    "requestMediaTypes": [
      "application/merge-patch+json",
      "application/json"
    ],
    "headerNames": {
      "if-match": "If-Match",
      "idempotency-key": "Idempotency-Key"
    }
  },
  {
    "operationId": "deleteItem",
    "method": "DELETE",
    "template": "/items/{itemId}",
    "requestMediaTypes": [],
    "headerNames": {
      "if-match": "If-Match",
      "idempotency-key": "Idempotency-Key"
    }
  },
  {
    "operationId": "listMedia",
    "method": "GET",
    "template": "/items/{itemId}/media",
    "requestMediaTypes": [],
    "headerNames": {}
  },
  {
    "operationId": "createMediaUpload",
    "method": "POST",
    "template": "/items/{itemId}/media",
    "requestMediaTypes": [
      "application/json"
    ],
    "headerNames": {
      "idempotency-key": "Idempotency-Key"
    }
  },
  {
    "operationId": "getMedia",
    "method": "GET",
    "template": "/items/{itemId}/media/{mediaId}",
    "requestMediaTypes": [],
    "headerNames": {}
  },
  {
    "operationId": "deleteMedia",
    "method": "DELETE",
    "template": "/items/{itemId}/media/{mediaId}",
    "requestMediaTypes": [],
    "headerNames": {
      "idempotency-key": "Idempotency-Key"
    }
  }
];
