import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { capAlertArbitrary } from './cap-arbitrary.js';
import { checkCapAlert } from './rules.js';
import { capToXml, escapeXmlText } from './xml-export.js';
import { parseCapXml } from './xml-import.js';
import { buildCapAlert, CAP_FIXTURES, readCapFixture } from './test-support.js';
import { ALERT } from './structure.js';

describe('capToXml', () => {
  test('writes the CAP namespace and the elements in the XSD order', () => {
    const xml = capToXml(buildCapAlert({ note: 'n', references: undefined, restriction: 'r', source: 's', incidents: 'i', codes: ['c1', 'c2'] }));
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1\.2">\n {2}<identifier>/);
    const order = [...xml.matchAll(/^ {2}<(\w+)>/gm)].map((m) => m[1]);
    assert.deepEqual(order, ['identifier', 'sender', 'sent', 'status', 'msgType', 'source', 'scope', 'restriction', 'code', 'code', 'note', 'incidents', 'info']);
    const expected = ALERT.map((spec) => spec.element);
    assert.deepEqual(order.filter((name, i) => order.indexOf(name) === i), expected.filter((name) => order.includes(name)));
  });

  test('escapes markup and keeps CR through a round trip; leaves out absent optional elements', () => {
    assert.equal(escapeXmlText('a<b>&c]]>\r\n'), 'a&lt;b&gt;&amp;c]]&gt;&#13;\n');
    const alert = buildCapAlert({ note: '</note><script>&amp;\r\n' });
    const xml = capToXml(alert);
    assert.match(xml, /<note>&lt;\/note&gt;&lt;script&gt;&amp;amp;&#13;\n<\/note>/);
    assert.doesNotMatch(xml, /<source>|<restriction>|<onset>/);
    assert.equal(parseCapXml(xml).alert?.note, '</note><script>&amp;\r\n');
  });

  test('refuses text XML cannot carry, naming the path', () => {
    const alert = buildCapAlert({}, { headline: 'bell\u0007' });
    assert.throws(() => capToXml(alert), /\/alert\/info\[0\]\/headline: contains U\+0007, a character XML 1\.0 cannot carry/);
    assert.deepEqual(checkCapAlert(alert), [{ path: '/alert/info[0]/headline', message: 'contains U+0007, a character XML 1.0 cannot carry' }]);
    // A lone surrogate (half of an astral character) cannot be written as UTF-8 either.
    assert.throws(() => capToXml(buildCapAlert({ note: 'a\uD840b' })), /\/alert\/note: contains U\+D840/);
    assert.doesNotThrow(() => capToXml(buildCapAlert({ note: '𠀀' })));
  });

  for (const name of CAP_FIXTURES) {
    test(`${name}: parse → export → parse keeps every field`, () => {
      const first = parseCapXml(readCapFixture(name)).alert!;
      const second = parseCapXml(capToXml(first));
      assert.deepEqual(second.problems, []);
      assert.deepEqual(second.alert, first);
    });
  }

  test('property: any valid CapAlert exports to XML that reads back identically and without problems', () => {
    fc.assert(
      fc.property(capAlertArbitrary, (alert) => {
        assert.deepEqual(checkCapAlert(alert), []);
        const read = parseCapXml(capToXml(alert));
        assert.deepEqual(read.problems, []);
        assert.deepEqual(read.alert, alert);
      }),
      { numRuns: 300 },
    );
  });
});
