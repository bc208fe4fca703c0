// Generated from openapi.yaml by `npm run generate`. Do not edit.
exports.responses = {
  "listItems": {
    "200": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/json": "ItemPage"
      }
    },
    "400": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "BadRequest application/problem+json"
      }
    },
    "401": {
      "headers": [
        "www-authenticate",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Unauthorized application/problem+json"
      }
    },
    "403": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Forbidden application/problem+json"
      }
    },
    "429": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "TooManyRequests application/problem+json"
      }
    },
    "500": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "InternalError application/problem+json"
      }
    },
    "503": {
      "headers": [
        "retry-after",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "ServiceUnavailable application/problem+json"
      }
    }
  },
  "createItem": {
    "201": {
      "headers": [
        "location",
        "etag",
        "x-request-id"
      ],
      "content": {
        "application/json": "Item"
      }
    },
    "400": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "BadRequest application/problem+json"
      }
    },
    "401": {
      "headers": [
        "www-authenticate",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Unauthorized application/problem+json"
      }
    },
    "403": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Forbidden application/problem+json"
      }
    },
    "409": {
      "headers": [
        "retry-after",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "IdempotencyKeyInUse application/problem+json"
      }
    },
    "413": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "PayloadTooLarge application/problem+json"
      }
    },
    "415": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "UnsupportedMediaType application/problem+json"
      }
    },
    "422": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "IdempotencyKeyReused application/problem+json"
      }
    },
    "429": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "TooManyRequests application/problem+json"
      }
    },
    "500": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "InternalError application/problem+json"
      }
    },
    "503": {
      "headers": [
        "retry-after",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "ServiceUnavailable application/problem+json"
      }
    }
  },
  "getItem": {
    "200": {
      "headers": [
        "etag",
        "x-request-id"
      ],
      "content": {
        "application/json": "Item"
      }
    },
    "400": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "BadRequest application/problem+json"
      }
    },
    "401": {
      "headers": [
        "www-authenticate",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Unauthorized application/problem+json"
      }
    },
    "403": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Forbidden application/problem+json"
      }
    },
    "404": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "NotFound application/problem+json"
      }
    },
    "429": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "TooManyRequests application/problem+json"
      }
    },
    "500": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "InternalError application/problem+json"
      }
    },
    "503": {
      "headers": [
        "retry-after",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "ServiceUnavailable application/problem+json"
      }
    }
  },
  "replaceItem": {
    "200": {
      "headers": [
        "etag",
        "x-request-id"
      ],
      "content": {
        "application/json": "Item"
      }
    },
    "400": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "BadRequest application/problem+json"
      }
    },
    "401": {
      "headers": [
        "www-authenticate",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Unauthorized application/problem+json"
      }
    },
    "403": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Forbidden application/problem+json"
      }
    },
    "404": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "NotFound application/problem+json"
      }
    },
    "412": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "PreconditionFailed application/problem+json"
      }
    },
    "413": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "PayloadTooLarge application/problem+json"
      }
    },
    "415": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "UnsupportedMediaType application/problem+json"
      }
    },
    "422": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "IdempotencyKeyReused application/problem+json"
      }
    },
    "429": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "TooManyRequests application/problem+json"
      }
    },
    "500": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "InternalError application/problem+json"
      }
    },
    "503": {
      "headers": [
        "retry-after",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "ServiceUnavailable application/problem+json"
      }
    }
  },
  "deleteItem": {
    "204": {
      "headers": [
        "x-request-id"
      ],
      "content": {}
    },
    "400": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "BadRequest application/problem+json"
      }
    },
    "401": {
      "headers": [
        "www-authenticate",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Unauthorized application/problem+json"
      }
    },
    "403": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Forbidden application/problem+json"
      }
    },
    "404": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "NotFound application/problem+json"
      }
    },
    "409": {
      "headers": [
        "retry-after",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "WriteConflict application/problem+json"
      }
    },
    "412": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "PreconditionFailed application/problem+json"
      }
    },
    "429": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "TooManyRequests application/problem+json"
      }
    },
    "500": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "InternalError application/problem+json"
      }
    },
    "503": {
      "headers": [
        "retry-after",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "ServiceUnavailable application/problem+json"
      }
    }
  },
  "updateItem": {
    "200": {
      "headers": [
        "etag",
        "x-request-id"
      ],
      "content": {
        "application/json": "Item"
      }
    },
    "400": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "BadRequest application/problem+json"
      }
    },
    "401": {
      "headers": [
        "www-authenticate",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Unauthorized application/problem+json"
      }
    },
    "403": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Forbidden application/problem+json"
      }
    },
    "404": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "NotFound application/problem+json"
      }
    },
    "412": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "PreconditionFailed application/problem+json"
      }
    },
    "413": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "PayloadTooLarge application/problem+json"
      }
    },
    "415": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "UnsupportedMediaType application/problem+json"
      }
    },
    "422": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "IdempotencyKeyReused application/problem+json"
      }
    },
    "429": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "TooManyRequests application/problem+json"
      }
    },
    "500": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "InternalError application/problem+json"
      }
    },
    "503": {
      "headers": [
        "retry-after",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "ServiceUnavailable application/problem+json"
      }
    }
  },
  "listMedia": {
    "200": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/json": "MediaList"
      }
    },
    "400": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "BadRequest application/problem+json"
      }
    },
    "401": {
      "headers": [
        "www-authenticate",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Unauthorized application/problem+json"
      }
    },
    "403": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Forbidden application/problem+json"
      }
    },
    "404": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "NotFound application/problem+json"
      }
    },
    "429": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "TooManyRequests application/problem+json"
      }
    },
    "500": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "InternalError application/problem+json"
      }
    },
    "503": {
      "headers": [
        "retry-after",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "ServiceUnavailable application/problem+json"
      }
    }
  },
  "createMediaUpload": {
    "201": {
      "headers": [
        "location",
        "x-request-id"
      ],
      "content": {
        "application/json": "MediaUpload"
      }
    },
    "400": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "BadRequest application/problem+json"
      }
    },
    "401": {
      "headers": [
        "www-authenticate",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Unauthorized application/problem+json"
      }
    },
    "403": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Forbidden application/problem+json"
      }
    },
    "404": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "NotFound application/problem+json"
      }
    },
    "409": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "MediaConflict application/problem+json"
      }
    },
    "413": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "PayloadTooLarge application/problem+json"
      }
    },
    "415": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "UnsupportedMediaType application/problem+json"
      }
    },
    "422": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "IdempotencyKeyReused application/problem+json"
      }
    },
    "429": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "TooManyRequests application/problem+json"
      }
    },
    "500": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "InternalError application/problem+json"
      }
    },
    "503": {
      "headers": [
        "retry-after",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "ServiceUnavailable application/problem+json"
      }
    }
  },
  "getMedia": {
    "200": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/json": "Media"
      }
    },
    "400": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "BadRequest application/problem+json"
      }
    },
    "401": {
      "headers": [
        "www-authenticate",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Unauthorized application/problem+json"
      }
    },
    "403": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Forbidden application/problem+json"
      }
    },
    "404": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "MediaNotFound application/problem+json"
      }
    },
    "429": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "TooManyRequests application/problem+json"
      }
    },
    "500": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "InternalError application/problem+json"
      }
    },
    "503": {
      "headers": [
        "retry-after",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "ServiceUnavailable application/problem+json"
      }
    }
  },
  "deleteMedia": {
    "204": {
      "headers": [
        "x-request-id"
      ],
      "content": {}
    },
    "400": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "BadRequest application/problem+json"
      }
    },
    "401": {
      "headers": [
        "www-authenticate",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Unauthorized application/problem+json"
      }
    },
    "403": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "Forbidden application/problem+json"
      }
    },
    "404": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "MediaNotFound application/problem+json"
      }
    },
    "409": {
      "headers": [
        "retry-after",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "WriteConflict application/problem+json"
      }
    },
    "429": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "TooManyRequests application/problem+json"
      }
    },
    "500": {
      "headers": [
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "InternalError application/problem+json"
      }
    },
    "503": {
      "headers": [
        "retry-after",
        "x-request-id"
      ],
      "content": {
        "application/problem+json": "ServiceUnavailable application/problem+json"
      }
    }
  }
};
