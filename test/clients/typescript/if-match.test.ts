/** What `ifMatch` becomes on the wire (clients/typescript/src/if-match.ts). */
import { ifMatchHeader } from '../../../clients/typescript/src/if-match';
import type { IfMatch } from '../../../clients/typescript/src/types';

describe('ifMatchHeader', () => {
  const item = {
    id: '01936b2e-8f4a-7c3d-9b1e-5a2f6c8d4e71',
    name: 'Quarterly report',
    status: 'active' as const,
    createdAt: '2026-11-20T09:15:02.481Z',
    updatedAt: '2026-11-20T09:15:02.481Z',
    version: 4,
  };
  const cases: [string, IfMatch, string][] = [
    ['an item: its version', item, '"4"'],
    ['a version number', 3, '"3"'],
    ['an ETag as sent', '"7"', '"7"'],
    ['bare digits', '12', '"12"'],
    ['a weak ETag', 'W/"7"', 'W/"7"'],
    ['a list', '"1", "2"', '"1", "2"'],
    ['any', '*', '*'],
  ];
  it.each(cases)('%s', (_name, value, header) => {
    expect(ifMatchHeader(value)).toBe(header);
  });
});
