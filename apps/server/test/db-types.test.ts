import { describe, expect, it } from 'vitest';
import { genericInt4Array, parseInt4Array } from '../src/db/open';

describe('integer[] from PostgreSQL', () => {
  it('parses every text form as node-postgres’s own parser does', () => {
    const forms = [
      '{}',
      '{5}',
      '{-2147483648,0,2147483647,17}',
      '{1,NULL,3}',
      '{NULL}',
      '{{1,2},{3,4}}',
      '{{}}',
      '[0:2]={1,2,3}',
      '[-3:-2]={-1,-2}',
      '[1:2][1:1]={{1},{2}}',
      `{${Array.from({ length: 300 }, (_, i) => (i * 7919) % 4294967 - 2000000).join(',')}}`,
      // Stored shingles: 32-bit hashes of either sign.
      ...Array.from({ length: 20 }, (_, k) => `{${Array.from({ length: 50 + k * 20 }, (_, i) => (Math.imul(i + 1, 2654435761 + k) | 0)).join(',')}}`),
      '{1,,2}',
      '{-}',
      '{1-2}',
      '{ 1}',
    ];
    for (const s of forms) expect(parseInt4Array(s), s).toEqual(genericInt4Array(s));
    expect(parseInt4Array('{-2147483648,0,2147483647,17}')).toEqual([-2147483648, 0, 2147483647, 17]);
  });
});
