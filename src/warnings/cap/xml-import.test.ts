import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { capToXml } from './xml-export.js';
import { parseCapXml } from './xml-import.js';
import { buildCapAlert, CAP_FIXTURES, readCapFixture } from './test-support.js';

/** The one-info alert from the factory as XML, edited by `edit`. */
function xmlWith(edit: (xml: string) => string, ...build: Parameters<typeof buildCapAlert>): string {
  const xml = capToXml(buildCapAlert(...build));
  const edited = edit(xml);
  assert.notEqual(edited, xml, 'the edit must change the XML');
  return edited;
}

function problemsOf(xml: string): { path: string; message: string; line?: number }[] {
  return [...parseCapXml(xml).problems];
}

describe('parseCapXml: the fixtures', () => {
  for (const name of CAP_FIXTURES) {
    test(`${name} reads without problems`, () => {
      const result = parseCapXml(readCapFixture(name));
      assert.deepEqual(result.problems, []);
      assert.ok(result.alert);
    });
  }

  test('the red rainstorm warning keeps both languages, the colour, geocodes, polygon and circle', () => {
    const alert = parseCapXml(readCapFixture('rainstorm-red-wuhan')).alert!;
    assert.equal(alert.sent, '2024-07-01T06:30:00+08:00');
    assert.equal(alert.note, '依据市气象台 06:10 会商结论发布 & 经市应急指挥部批准');
    assert.deepEqual(alert.codes, ['seamless:warning']);
    assert.deepEqual(alert.infos.map((info) => info.language), ['zh-CN', 'en-US']);
    const [zh, en] = alert.infos;
    assert.deepEqual(zh!.categories, ['Met', 'Safety']);
    assert.deepEqual(zh!.parameters, [{ valueName: 'warningLevel', value: 'red' }]);
    assert.equal(zh!.instruction?.split('\n').length, 3);
    assert.deepEqual(zh!.resources, [{ resourceDesc: '雨量实况图', mimeType: 'image/png', size: 204800, uri: 'https://yjj.wuhan.gov.cn/alerts/CN-420100-EMB-20240701-0001/rain.png' }]);
    assert.equal(zh!.areas[0]!.polygons[0]!.split(' ').length, 1168);
    assert.deepEqual(zh!.areas[1]!.circles, ['30.584355,114.298572 15']);
    assert.deepEqual(zh!.areas[1]!.geocodes, [{ valueName: 'GB/T 2260', value: '420102' }, { valueName: 'GB/T 10114', value: '420102002' }]);
    assert.equal(en!.headline, 'Red rainstorm warning for Wuhan');
  });

  test('prefixed elements (cap:alert) read the same as default-namespace ones', () => {
    const update = parseCapXml(readCapFixture('rainstorm-update-orange')).alert!;
    assert.equal(update.msgType, 'Update');
    assert.equal(update.references, 'yjj.wuhan.gov.cn,CN-420100-EMB-20240701-0001,2024-07-01T06:30:00+08:00');
  });
});

describe('parseCapXml: every bad input is named with its path and line', () => {
  test('not XML', () => {
    assert.deepEqual(problemsOf('{"alert": 1}'), [{ path: '/', message: 'not well-formed XML: text before the root element (is this XML?) (line 1, column 1)', line: 1 }]);
    assert.match(problemsOf('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">\n<identifier>x</alert>')[0]!.message, /not well-formed XML: end tag <\/alert> does not match <identifier> \(line 2\) \(line 2, column 14\)/);
    assert.equal(parseCapXml('').alert, undefined);
  });

  test('wrong root, wrong or missing namespace', () => {
    assert.deepEqual(problemsOf('<feed xmlns="http://www.w3.org/2005/Atom"/>'), [{ path: '/', message: 'the root element is <feed>, not a CAP <alert>', line: 1 }]);
    const cap11 = xmlWith((xml) => xml.replace('cap:1.2', 'cap:1.1'));
    assert.deepEqual(problemsOf(cap11), [{ path: '/alert', message: '<alert> is in namespace "urn:oasis:names:tc:emergency:cap:1.1" (an older CAP version); CAP 1.2 needs xmlns="urn:oasis:names:tc:emergency:cap:1.2"', line: 2 }]);
    assert.match(problemsOf(xmlWith((xml) => xml.replace(' xmlns="urn:oasis:names:tc:emergency:cap:1.2"', '')))[0]!.message, /<alert> is in no namespace/);
  });

  test('missing required elements, at alert, info and area level', () => {
    const xml = xmlWith((x) => x.replace(/\s*<sender>.*<\/sender>/, '').replace(/\s*<urgency>.*<\/urgency>/, '').replace(/\s*<areaDesc>.*<\/areaDesc>/, '').replace(/\s*<category>.*<\/category>/, ''));
    assert.deepEqual(problemsOf(xml), [
      { path: '/alert/sender', message: 'required element <sender> is missing from <alert>', line: 2 },
      { path: '/alert/info[0]/category', message: 'required element <category> is missing from <info>', line: 8 },
      { path: '/alert/info[0]/urgency', message: 'required element <urgency> is missing from <info>', line: 8 },
      { path: '/alert/info[0]/area[0]/areaDesc', message: 'required element <areaDesc> is missing from <area>', line: 20 },
    ]);
    assert.equal(parseCapXml(xml).alert, undefined);
  });

  test('bad enumerations name the allowed values', () => {
    const xml = xmlWith((x) => x.replace('<status>Actual', '<status>Real').replace('<category>Met', '<category>Weather').replace('<certainty>Possible', '<certainty>possible'));
    assert.deepEqual(problemsOf(xml), [
      { path: '/alert/status', message: '"Real" is not one of Actual, Exercise, System, Test, Draft', line: 6 },
      { path: '/alert/info[0]/category[0]', message: '"Weather" is not one of Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other', line: 11 },
      { path: '/alert/info[0]/certainty', message: '"possible" is not one of Observed, Likely, Possible, Unlikely, Unknown', line: 16 },
    ]);
    assert.equal(parseCapXml(xml).alert, undefined, 'an alert with a bad enumeration does not fit the type');
  });

  test('timestamps with Z or without an offset', () => {
    const xml = xmlWith((x) => x.replace('<sent>2024-07-01T08:00:00+08:00', '<sent>2024-07-01T00:00:00Z').replace('<expires>2024-07-02T08:00:00+08:00', '<expires>2024-07-02T08:00:00'));
    const problems = problemsOf(xml);
    assert.deepEqual(problems.map((p) => [p.path, p.line]), [['/alert/sent', 5], ['/alert/info[0]/expires', 17]]);
    assert.match(problems[0]!.message, /ends in Z/);
    assert.match(problems[1]!.message, /has no time-zone offset/);
  });

  test('open polygons, short polygons and malformed circles in the second area', () => {
    const area = { areaDesc: '绘制区域', polygons: ['30,114 31,114 31,115 30,115', '30,114 31,114 30,114'], circles: ['30.5,114.3', '30.5,114.3 10'], geocodes: [] };
    const xml = capToXml(buildCapAlert({}, { areas: [buildCapAlert().infos[0]!.areas[0]!, area] }));
    assert.deepEqual(problemsOf(xml), [
      { path: '/alert/info[0]/area[1]/polygon[0]', message: 'polygon is not closed: the last pair (30,115) must repeat the first (30,114)', line: 32 },
      { path: '/alert/info[0]/area[1]/polygon[1]', message: 'polygon has 3 coordinate pairs; a polygon needs at least 4 (a closed ring: the first pair repeated at the end)', line: 33 },
      { path: '/alert/info[0]/area[1]/circle[0]', message: 'circle "30.5,114.3" is not a circle "lat,lon radius_km" (e.g. "30.59,114.30 10")', line: 34 },
    ]);
    assert.ok(parseCapXml(xml).alert, 'rule violations still give the alert as data');
  });

  test('unknown, foreign, duplicated and out-of-order elements', () => {
    const xml = xmlWith((x) =>
      x
        .replace('<status>Actual</status>', '<status>Actual</status>\n  <colour>red</colour>')
        .replace('<msgType>Alert</msgType>', '<msgType>Alert</msgType>\n  <x:y xmlns:x="urn:other">z</x:y>')
        .replace(/(<identifier>.*<\/identifier>)/, '$1\n  <identifier>again</identifier>')
        .replace(/(\s*<event>.*<\/event>)(\s*<category>.*<\/category>)/, '$2$1'),
    );
    assert.deepEqual(problemsOf(xml), [
      { path: '/alert/identifier[1]', message: '<identifier> appears more than once', line: 4 },
      { path: '/alert/colour', message: '<colour> is not a CAP 1.2 element inside <alert>', line: 8 },
      { path: '/alert/y', message: '<x:y> (namespace "urn:other") is not part of CAP 1.2', line: 10 },
    ].sort((a, b) => a.line - b.line));
    const order = problemsOf(xmlWith((x) => x.replace(/(\s*<language>.*<\/language>)(\s*<category>.*<\/category>)/, '$2$1')));
    assert.deepEqual(order, [{ path: '/alert/info[0]/language', message: '<language> is out of order: CAP 1.2 puts it before <category>', line: 11 }]);
  });

  test('numbers that are not numbers, and elements where text belongs', () => {
    const xml = capToXml(buildCapAlert({}, { resources: [{ resourceDesc: 'map', mimeType: 'image/png', size: 1 }], areas: [{ areaDesc: 'a', polygons: [], circles: [], geocodes: [], altitude: 100 }] }))
      .replace('<size>1</size>', '<size>1.5</size>')
      .replace('<altitude>100</altitude>', '<altitude>high</altitude>')
      .replace('<event>暴雨</event>', '<event><b>暴雨</b></event>');
    assert.deepEqual(problemsOf(xml).map((p) => [p.path, p.message]), [
      ['/alert/info[0]/event', '<event> must hold text only, not elements'],
      ['/alert/info[0]/resource[0]/size', '"1.5" is not a whole number'],
      ['/alert/info[0]/area[0]/altitude', '"high" is not a decimal number'],
    ]);
  });
});
