import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ArrayObjectScanner } from './json-array-stream.js';

function scanInChunks(text: string, size: number): unknown[] {
  const bytes = Buffer.from(text, 'utf8');
  const scanner = new ArrayObjectScanner();
  const out: unknown[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...scanner.push(bytes.subarray(i, i + size)));
  scanner.end();
  return out;
}

describe('ArrayObjectScanner', () => {
  const records = [
    { code: '110101001001', name: '多福巷社区居委会' },
    { code: '2', name: 'brace } and { inside', note: 'quote " and backslash \\ }' },
    { code: '3', nested: { a: [1, { b: '}' }] } },
  ];
  const text = ` [\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;

  it('yields the same objects whatever the chunk size, even cut inside multi-byte characters', () => {
    for (const size of [1, 2, 3, 5, 7, 16, 64, 4096]) assert.deepEqual(scanInChunks(text, size), records, `chunk size ${size}`);
  });

  it('rejects input that is not an array of objects or ends early', () => {
    assert.throws(() => scanInChunks('{"a":1}', 4), /expected "\["/);
    assert.throws(() => scanInChunks('[{"a":1},{"b":', 4), /ended inside/);
    assert.throws(() => scanInChunks('[1,2]', 64), /JSON array stream/);
  });

  it('accepts an empty array', () => {
    assert.deepEqual(scanInChunks('[]', 1), []);
  });
});
