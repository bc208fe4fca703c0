import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildLambda } from '../../scripts/build';

// What `npm run build` writes beside the Lambda bundle: every shipped package with a licence.
describe('dist/lambda/licenses.txt', () => {
  let outdir = '';
  let lines: string[] = [];
  beforeAll(async () => {
    outdir = await buildLambda(await mkdtemp(path.join(tmpdir(), 'lambda-')));
    lines = (await readFile(path.join(outdir, 'licenses.txt'), 'utf8')).trim().split('\n');
  }, 60_000);
  afterAll(() => rm(outdir, { recursive: true, force: true }));

  it('lists the packages the bundle ships, each with its version and licence', () => {
    expect(lines).toEqual(
      expect.arrayContaining([expect.stringMatching(/^@aws-sdk\/client-dynamodb@\S+ Apache-2\.0$/)]),
    );
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^ajv@\S+ MIT$/)]));
    for (const line of lines) expect(line).toMatch(/^\S+@\S+ \S+$/);
  });

  it('knows every licence, lazily loaded packages included', () => {
    expect(lines.filter((line) => line.endsWith(' UNKNOWN'))).toEqual([]);
    // Loaded only by some requests (token verification, media), but in the bundle all the same.
    expect(lines.filter((line) => /^(jose|@aws-sdk\/s3-request-presigner)@/.test(line))).toHaveLength(2);
  });
});
