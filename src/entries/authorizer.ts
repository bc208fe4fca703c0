/**
 * The Lambda TOKEN authorizer for `-c authorizer=jwt` (bundled to dist/authorizer by scripts/build.ts).
 * Config and the verifier (with its key cache) are built once per container.
 */
import { loadBearerConfig } from '../auth/bearer-config';
import { verifyBearer } from '../auth/jwt-verifier';
import { type TokenAuthorizer, tokenAuthorizer } from '../auth/token-authorizer';

export const handler: TokenAuthorizer = tokenAuthorizer(verifyBearer(loadBearerConfig()));
