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
      "if-match": "If-Match"
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
      "if-match": "If-Match"
    }
  },
  {
    "operationId": "deleteItem",
    "method": "DELETE",
    "template": "/items/{itemId}",
    "requestMediaTypes": [],
    "headerNames": {
      "if-match": "If-Match"
    }
  }
];
