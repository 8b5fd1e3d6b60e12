import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSeriesCsv } from './series-csv.js';
import { InvalidInputError } from '../core/errors.js';

describe('parseSeriesCsv', () => {
  test('takes the only count column besides index/date columns, skipping # comments', () => {
    const series = parseSeriesCsv('# source: test\nindex,date,cases\n1,2024-01-01,3\n2,2024-01-02,0\n', { dates: 'date' });
    assert.deepEqual(series, { column: 'cases', counts: [3, 0], dates: ['2024-01-01', '2024-01-02'] });
  });

  test('needs --column when several count columns exist, and checks that it exists', () => {
    assert.throws(() => parseSeriesCsv('week,a,b\n1,1,2\n'), /column: the file has 2 count columns \(a, b\): name one/);
    assert.deepEqual(parseSeriesCsv('week,a,b\n1,1,2\n', { column: 'b' }).counts, [2]);
    assert.throws(() => parseSeriesCsv('week,a\n1,1\n', { column: 'c' }), /column: no column "c" in the file \(columns: week, a\)/);
  });

  test('names the row and the line of a missing value, text, a negative count or a bad date', () => {
    const text = (value: string) => `# comment\nindex,count\n1,4\n2,${value}\n`;
    assert.throws(() => parseSeriesCsv(text('')), (e: unknown) => e instanceof InvalidInputError && /^row 2 \(line 4\): "count" is missing/.test(e.message));
    assert.throws(() => parseSeriesCsv(text('NA')), /row 2 \(line 4\): "count" is missing/);
    assert.throws(() => parseSeriesCsv(text('five')), /row 2 \(line 4\): "count" is "five", not a number/);
    assert.throws(() => parseSeriesCsv(text('0x10')), /not a number/);
    assert.throws(() => parseSeriesCsv(text('-1')), /row 2 \(line 4\): "count" is -1; it must be 0 or more/);
    assert.throws(() => parseSeriesCsv('date,count\n2024-02-30,1\n', { dates: 'date' }), /row 1 \(line 2\): "date" is "2024-02-30", not a date/);
    assert.throws(() => parseSeriesCsv('date,count\n2024-01-02,1\n2024-01-01,1\n', { dates: 'date' }), /row 2 \(line 3\): date 2024-01-01 does not follow 2024-01-02/);
  });

  test('an empty file or one without rows is an error', () => {
    assert.throws(() => parseSeriesCsv(''), /no header row/);
    assert.throws(() => parseSeriesCsv('index,count\n'), /no rows/);
  });

  test('quoted fields and CRLF line ends', () => {
    assert.deepEqual(parseSeriesCsv('"index","the count"\r\n1,"2"\r\n').counts, [2]);
  });
});
