import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRss } from './rss.js';
import { parseAtom } from './atom.js';
import { commonAncestorCode, parseCapAlert, parseCapDocument } from './cap.js';
import { parseCsvItems, parseJsonItems, recordsToItems } from './csv-json.js';
import { FeedFormatError } from './types.js';
import { stripHtml } from './text.js';
import { InvalidInputError } from '../../core/errors.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const fetchedAt = new Date('2024-07-02T00:00:00.000Z');

describe('RSS 2.0', () => {
  const items = parseRss(fixture('rss2.xml'), fetchedAt);
  it('reads every item with guid, stripped HTML, date, language and GeoRSS point', () => {
    assert.equal(items.length, 3);
    assert.deepEqual(items[0], {
      externalId: 'hb-2024-0001',
      title: '江岸区 暴雨 & 内涝',
      body: '武汉市江岸区 积水 严重 请绕行',
      link: 'https://example.org/news/1',
      publishedAt: '2024-07-01T00:30:00.000Z',
      language: 'zh-cn',
      placeText: null,
      point: [114.3, 30.6],
      jurisdictionCode: null,
    });
  });
  it('falls back to the link, then a content hash, for the id; to the fetch time for the date', () => {
    assert.equal(items[1]!.externalId, 'https://example.org/news/2');
    assert.equal(items[1]!.publishedAt, fetchedAt.toISOString());
    assert.match(items[2]!.externalId, /^sha256:[0-9a-f]{64}$/);
    assert.equal(items[2]!.title, null);
    assert.equal(parseRss(fixture('rss2.xml'), fetchedAt)[2]!.externalId, items[2]!.externalId, 'the hash is stable');
  });
});

describe('Atom', () => {
  const items = parseAtom(fixture('atom.xml'), fetchedAt);
  it('reads entries with id, alternate link, html and xhtml text, published date and xml:lang', () => {
    assert.equal(items.length, 2);
    assert.equal(items[0]!.externalId, 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a');
    assert.equal(items[0]!.title, 'Flood warning');
    assert.equal(items[0]!.body, 'River level rising');
    assert.equal(items[0]!.link, 'https://example.org/a/1');
    assert.equal(items[0]!.publishedAt, '2024-07-01T00:00:00.000Z');
    assert.equal(items[0]!.language, 'en');
    assert.equal(items[1]!.language, 'zh-CN');
    // fast-xml-parser groups mixed content by element, so xhtml word order may change; the words stay.
    for (const word of ['湖北', '3.1 级', '地震']) assert.ok(items[1]!.body.includes(word), items[1]!.body);
    assert.equal(items[1]!.publishedAt, '2024-07-02T09:00:00.000Z', 'updated when published is missing');
  });
  it('refuses an RSS document', () => {
    assert.throws(() => parseAtom(fixture('rss2.xml'), fetchedAt), (e: unknown) => e instanceof FeedFormatError && /root element is <rss>/.test(e.message));
  });
});

describe('CAP 1.2', () => {
  it('reads an alert: sender+identifier, headline, description, areaDesc, GB/T 2260 geocodes, first polygon point', () => {
    const [item, ...rest] = parseCapAlert(fixture('cap-gb.xml'), fetchedAt);
    assert.equal(rest.length, 0);
    assert.equal(item!.externalId, 'hubei-meteorology@example.cn,42000041600000_20240701083000');
    assert.equal(item!.title, '武汉市气象台发布暴雨橙色预警');
    assert.match(item!.body, /^预计未来6小时.*\n注意防范城市内涝。$/s);
    assert.equal(item!.placeText, '江岸区; 江汉区');
    assert.equal(item!.language, 'zh-CN');
    assert.equal(item!.publishedAt, '2024-07-01T00:30:00.000Z');
    assert.equal(item!.link, 'https://example.cn/alerts/1');
    assert.deepEqual(item!.point, [114.28, 30.6]);
    // Two counties of Wuhan: the item's unit is Wuhan, their common ancestor.
    assert.equal(item!.jurisdictionCode, '420100000000');
  });
  it('pads GB/T 10114 codes and keeps one code as it is', () => {
    const one = fixture('cap-gb.xml')
      .replace('<valueName>GB/T 2260</valueName><value>420102</value>', '<valueName>GB/T 10114</valueName><value>420102001</value>')
      .replace(/<area>\s*<areaDesc>江汉区[\s\S]*?<\/area>/, '');
    assert.equal(parseCapAlert(one, fetchedAt)[0]!.jurisdictionCode, '420102001000');
    assert.equal(commonAncestorCode(['420102001001', '420102001002']), '420102001000');
    assert.equal(commonAncestorCode(['420102000000', '430100000000']), null);
  });
  it('skips Test and Exercise messages', () => {
    assert.deepEqual(parseCapAlert(fixture('cap-gb.xml').replace('<status>Actual</status>', '<status>Exercise</status>'), fetchedAt), []);
  });
  it('reads an Atom index into links, and alerts embedded in entries into items', () => {
    assert.deepEqual(parseCapDocument(fixture('cap-index.xml'), fetchedAt), { items: [], links: ['https://example.cn/cap/1.xml'] });
    const alert = fixture('cap-gb.xml').replace(/^<\?xml[^>]*>/, '');
    const embedded = fixture('cap-index.xml').replace('<link href="https://example.cn/cap/1.xml" type="application/cap+xml"/>', `<link href="https://example.cn/cap/1.xml"/><content type="text/xml">${alert}</content>`);
    const doc = parseCapDocument(embedded, fetchedAt);
    assert.equal(doc.links.length, 0);
    assert.equal(doc.items[0]!.jurisdictionCode, '420100000000');
    assert.equal(doc.items[0]!.link, 'https://example.cn/cap/1.xml');
  });
  it('refuses an alert without identifier', () => {
    assert.throws(() => parseCapAlert(fixture('cap-gb.xml').replace(/<identifier>.*<\/identifier>/, ''), fetchedAt), /identifier and sender are required/);
  });
});

describe('garbage', () => {
  for (const [name, parse] of [
    ['rss', parseRss],
    ['atom', parseAtom],
    ['cap', (t: string, d: Date) => parseCapDocument(t, d).items],
  ] as const) {
    it(`${name}: a clear FeedFormatError, never a crash`, () => {
      for (const text of [fixture('garbage.txt'), '', '{"json":true}', '<rss><channel><item></rss>', '<html><body>hello</body></html>', '\u0000\u0001binary']) {
        assert.throws(() => parse(text, fetchedAt), (e: unknown) => e instanceof FeedFormatError && e.message.length > 5, `${name} on ${JSON.stringify(text.slice(0, 20))}`);
      }
    });
  }
});

describe('CSV and JSON records', () => {
  it('reads CSV with quoted fields and coordinates', () => {
    const items = parseCsvItems('id,time,title,text,place,lon,lat,lang\r\nr1,2024-07-01T08:00:00+08:00,T,"a, ""b""",江岸,114.3,30.6,zh-CN\r\n', fetchedAt);
    assert.deepEqual(items, [{ externalId: 'r1', title: 'T', body: 'a, "b"', link: null, publishedAt: '2024-07-01T00:00:00.000Z', language: 'zh-CN', placeText: '江岸', point: [114.3, 30.6], jurisdictionCode: null }]);
  });
  it('names the line and column of a bad CSV value', () => {
    const bad = 'id,text,lat,lon\nr1,ok,30,114\nr2,bad,95,114\n';
    assert.throws(() => parseCsvItems(bad, fetchedAt), (e: unknown) => e instanceof InvalidInputError && e.message === 'line 3.lat: must be a number from -90 to 90, got "95"');
    assert.throws(() => parseCsvItems('id,text\nr1,\n', fetchedAt), /^InvalidInputError: line 2\.text: is required$/);
    assert.throws(() => parseCsvItems('id,body\n', fetchedAt), /line 1: unknown column "body"/);
    assert.throws(() => parseCsvItems('id,text,time\nr1,x,yesterday\n', fetchedAt), /line 2\.time: "yesterday" is not an ISO date-time/);
  });
  it('names the element and key of a bad JSON value', () => {
    assert.throws(() => parseJsonItems('[{"id":"a","text":"x"},{"id":"b","text":"y","lon":1}]', fetchedAt, { prefix: 'content' }), /content\[1\]\.lat: lon and lat go together/);
    assert.throws(() => parseJsonItems('{oops', fetchedAt), /content: is not valid JSON/);
    assert.throws(() => recordsToItems([{ text: 'x' }], fetchedAt, { requireId: true, prefix: 'body' }), /body\[0\]\.id: is required/);
    assert.throws(() => recordsToItems([{ id: 'a', text: 'x', colour: 'red' }], fetchedAt), /\[0\]\.colour: is not a known field/);
  });
});

describe('stripHtml', () => {
  it('drops tags, scripts and comments and decodes entities', () => {
    assert.equal(stripHtml('<p>a&amp;b</p><!-- c --><script>x()</script><br/>&#x4e2d;&#25991; &lt;ok&gt;'), 'a&b\n中文 <ok>');
  });
});
