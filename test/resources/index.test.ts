import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROUTES } from '../support/operations';

const ROOT = path.resolve(__dirname, '../../..');
const kebab = (operationId: string): string =>
  operationId.replace(/[A-Z]/g, (upper) => `-${upper.toLowerCase()}`);

// The handler map's types make a handler exist for every operation; this makes its file and its
// tests exist under the names the layout promises (getItem → get-item.ts, get-item.test.ts).
describe('handlers, one file per operationId', () => {
  it.each(ROUTES.map(({ operationId }) => [operationId, kebab(operationId)]))(
    '%s has src/http/handlers/%s.ts and its test beside this one',
    (_operationId, file) => {
      expect(existsSync(path.join(ROOT, 'src/http/handlers', `${file}.ts`))).toBe(true);
      expect(existsSync(path.join(__dirname, `${file}.test.ts`))).toBe(true);
    },
  );
});
