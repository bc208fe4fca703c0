import path from 'node:path';

/** Where `npm start` and `npm run token` keep state: DATA_DIR, else .data/ at the project root. */
export const DATA_DIR = path.resolve(process.env.DATA_DIR ?? path.join(__dirname, '../../.data'));
