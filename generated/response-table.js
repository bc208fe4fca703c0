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
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "401": {
      "headers": [
        "www-authenticate"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "403": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "429": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "500": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "503": {
      "headers": [
        "retry-after"
      ],
      "content": {
        "application/problem+json": "Problem"
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
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "401": {
      "headers": [
        "www-authenticate"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "403": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "409": {
      "headers": [
        "retry-after"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "413": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "415": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "422": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "429": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "500": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "503": {
      "headers": [
        "retry-after"
      ],
      "content": {
        "application/problem+json": "Problem"
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
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "401": {
      "headers": [
        "www-authenticate"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "403": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "404": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "429": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "500": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "503": {
      "headers": [
        "retry-after"
      ],
      "content": {
        "application/problem+json": "Problem"
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
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "401": {
      "headers": [
        "www-authenticate"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "403": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "404": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "412": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "413": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "415": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "422": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "429": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "500": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "503": {
      "headers": [
        "retry-after"
      ],
      "content": {
        "application/problem+json": "Problem"
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
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "401": {
      "headers": [
        "www-authenticate"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "403": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "404": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "409": {
      "headers": [
        "retry-after"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "412": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "429": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "500": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "503": {
      "headers": [
        "retry-after"
      ],
      "content": {
        "application/problem+json": "Problem"
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
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "401": {
      "headers": [
        "www-authenticate"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "403": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "404": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "412": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "413": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "415": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "422": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "429": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "500": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "503": {
      "headers": [
        "retry-after"
      ],
      "content": {
        "application/problem+json": "Problem"
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
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "401": {
      "headers": [
        "www-authenticate"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "403": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "404": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "429": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "500": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "503": {
      "headers": [
        "retry-after"
      ],
      "content": {
        "application/problem+json": "Problem"
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
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "401": {
      "headers": [
        "www-authenticate"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "403": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "404": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "409": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "413": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "415": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "422": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "429": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "500": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "503": {
      "headers": [
        "retry-after"
      ],
      "content": {
        "application/problem+json": "Problem"
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
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "401": {
      "headers": [
        "www-authenticate"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "403": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "404": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "429": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "500": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "503": {
      "headers": [
        "retry-after"
      ],
      "content": {
        "application/problem+json": "Problem"
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
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "401": {
      "headers": [
        "www-authenticate"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "403": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "404": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "409": {
      "headers": [
        "retry-after"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "429": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "500": {
      "headers": [],
      "content": {
        "application/problem+json": "Problem"
      }
    },
    "503": {
      "headers": [
        "retry-after"
      ],
      "content": {
        "application/problem+json": "Problem"
      }
    }
  }
};
