// Validation against the official OASIS XSD (data/cap/CAP-v1.2.xsd, via xmllint-wasm) plus the
// rules the XSD does not check. Each test batches its documents into one schema run.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { capAlertArbitrary } from './cap-arbitrary.js';
import { readCapTree, parseCapXml } from './xml-import.js';
import { capToXml } from './xml-export.js';
import { validateCap, validateCapBatch } from './validate.js';
import { validateAgainstXsd } from './xsd-validation.js';
import { buildCapAlert, CAP_FIXTURES, readCapFixture } from './test-support.js';

async function xsdOnly(xml: string) {
  const tree = readCapTree(xml).tree!;
  const [problems] = await validateAgainstXsd([{ text: tree.text, root: tree.root }]);
  return problems!;
}

describe('validateCap', () => {
  test('every fixture, and its export, is valid against the XSD and the rules', async () => {
    const texts = CAP_FIXTURES.map(readCapFixture);
    const exports = texts.map((text) => capToXml(parseCapXml(text).alert!));
    const results = await validateCapBatch([...texts, ...exports]);
    assert.deepEqual(results, [...texts, ...exports].map(() => []));
  });

  test('property: every generated alert exports to XML the XSD accepts', async () => {
    const alerts = fc.sample(capAlertArbitrary, { numRuns: 60, seed: 20240701 });
    const results = await validateCapBatch(alerts.map(capToXml));
    results.forEach((problems, i) => assert.deepEqual(problems, [], capToXml(alerts[i]!)));
  });

  test('the XSD itself rejects what the reader rejects: Z timestamps, bad enumerations, missing elements', async () => {
    const xml = capToXml(buildCapAlert()).replace('+08:00</sent>', 'Z</sent>').replace('<status>Actual', '<status>Real').replace(/\s*<areaDesc>.*<\/areaDesc>/, '');
    const problems = await xsdOnly(xml);
    assert.deepEqual(problems.map((p) => [p.path, p.line]), [['/alert/sent', 5], ['/alert/status', 6], ['/alert/info[0]/area[0]/geocode[0]', 24]]);
    assert.match(problems[0]!.message, /^XSD: Element 'sent': \[facet 'pattern'\] The value '2024-07-01T08:00:00Z' is not accepted/);
    assert.match(problems[2]!.message, /This element is not expected\. Expected is \( areaDesc \)/);
    // Combined, the reader's wording stands where both found the same element; nothing is lost.
    const combined = await validateCap(xml);
    // The schema's "geocode is not expected, expected areaDesc" is the reader's missing areaDesc.
    assert.deepEqual(combined.map((p) => p.path), ['/alert/sent', '/alert/status', '/alert/info[0]/area[0]/areaDesc']);
    assert.match(combined[0]!.message, /ends in Z; CAP 1\.2 needs a numeric offset/);
  });

  test('in one-line XML each schema complaint still names its element exactly', async () => {
    const oneLine = readCapFixture('rainstorm-cancel')
      .replace('<area><areaDesc>江岸区</areaDesc>', '<area><areaDesc>江岸区</areaDesc></area><area id="2"><areaDesc>江岸区</areaDesc>')
      .replace('<info>', '<info lang="zh">');
    assert.equal(oneLine.split('\n').length, 4, 'the message is on one line');
    const schema = await xsdOnly(oneLine);
    assert.deepEqual(schema.map((p) => [p.path, p.line]), [
      ['/alert/info[0]', 3],
      ['/alert/info[0]/area[1]', 3],
    ]);
    assert.match(schema[0]!.message, /^XSD: Element 'info', attribute 'lang': The attribute 'lang' is not allowed/);
    assert.match(schema[1]!.message, /^XSD: Element 'area', attribute 'id': The attribute 'id' is not allowed/);
    // The reader finds the same two; combined, each is reported once, in the reader's words.
    const combined = await validateCap(oneLine);
    assert.deepEqual(combined.map((p) => [p.path, p.message]), [
      ['/alert/info[0]', 'attribute lang is not allowed on <info>: CAP 1.2 elements have no attributes'],
      ['/alert/info[0]/area[1]', 'attribute id is not allowed on <area>: CAP 1.2 elements have no attributes'],
    ]);
  });

  test('rules the XSD does not check', async () => {
    const cases: { xml: string; path: string; message: RegExp }[] = [
      { xml: capToXml(buildCapAlert({ scope: 'Restricted' })), path: '/alert/restriction', message: /is required when scope is Restricted/ },
      { xml: capToXml(buildCapAlert({ scope: 'Private' })), path: '/alert/addresses', message: /is required when scope is Private/ },
      { xml: capToXml(buildCapAlert({ msgType: 'Update' })), path: '/alert/references', message: /is required for msgType Update/ },
      { xml: capToXml(buildCapAlert({ msgType: 'Cancel', references: 'yjj,CN-1' })), path: '/alert/references', message: /reference 1 "yjj,CN-1" is not "sender,identifier,sent"/ },
      { xml: capToXml(buildCapAlert({}, { parameters: [{ valueName: 'warningLevel', value: 'purple' }] })), path: '/alert/info[0]/parameter[0]/value', message: /warningLevel "purple" is not one of red, orange, yellow, blue/ },
      { xml: capToXml(buildCapAlert({}, { areas: [{ areaDesc: '武汉', polygons: [], circles: [], geocodes: [{ valueName: 'GB/T 2260', value: '4201' }] }] })), path: '/alert/info[0]/area[0]/geocode[0]/value', message: /GB\/T 2260 code "4201" must be 6 digits/ },
      { xml: capToXml(buildCapAlert({}, { areas: [{ areaDesc: '保成社区', polygons: [], circles: [], geocodes: [{ valueName: 'GB/T 10114', value: '4201020020' }] }] })), path: '/alert/info[0]/area[0]/geocode[0]/value', message: /must be 9 or 12 digits/ },
      { xml: capToXml(buildCapAlert({}, { areas: [{ areaDesc: 'a', polygons: [], circles: [], geocodes: [], ceiling: 100 }] })), path: '/alert/info[0]/area[0]/ceiling', message: /needs <altitude>/ },
      { xml: capToXml(buildCapAlert({ identifier: 'CN 420102,1' })), path: '/alert/identifier', message: /must not contain spaces, commas, < or &/ },
      { xml: capToXml(buildCapAlert({}, { areas: [{ areaDesc: 'a', polygons: ['30,114 31,114 31,115 30,115'], circles: [], geocodes: [] }] })), path: '/alert/info[0]/area[0]/polygon[0]', message: /polygon is not closed/ },
      { xml: capToXml(buildCapAlert({}, { areas: [{ areaDesc: 'a', polygons: [], circles: ['30.5,214.3 10'], geocodes: [] }] })), path: '/alert/info[0]/area[0]/circle[0]', message: /centre: longitude 214\.3 is outside/ },
    ];
    const results = await validateCapBatch(cases.map((c) => c.xml));
    results.forEach((problems, i) => {
      const { path, message } = cases[i]!;
      assert.equal(problems.length, 1, `${path}: ${JSON.stringify(problems)}`);
      assert.equal(problems[0]!.path, path);
      assert.match(problems[0]!.message, message);
      assert.ok(problems[0]!.line! > 1);
    });
  });

  test('xsi:schemaLocation and an XML signature are allowed, as the XSD allows them', async () => {
    const xml = capToXml(buildCapAlert())
      .replace('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">', '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:oasis:names:tc:emergency:cap:1.2 CAP-v1.2.xsd">')
      .replace('</alert>', '  <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature>\n</alert>');
    assert.deepEqual(await validateCap(xml), []);
    assert.ok(parseCapXml(xml).alert);
    // …but the signature must come last.
    const early = xml.replace(/(\s*<ds:Signature.*<\/ds:Signature>)/, '').replace('<scope>Public</scope>', '<scope>Public</scope><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/>');
    assert.equal((await validateCap(early))[0]!.path, '/alert/info[0]');
  });

  test('concurrent calls share the one xmllint worker and each gets its own answer', async () => {
    const good = capToXml(buildCapAlert());
    const bad = good.replace('<status>Actual', '<status>Real');
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => validateCap(i % 3 === 0 ? bad : good)));
    results.forEach((problems, i) => assert.deepEqual(problems.map((p) => p.path), i % 3 === 0 ? ['/alert/status'] : [], `call ${i}`));
  });

  test('not XML and the wrong namespace stop before the schema, with one clear problem', async () => {
    assert.deepEqual(await validateCap('hello'), [{ path: '/', message: 'not well-formed XML: text before the root element (is this XML?) (line 1, column 1)', line: 1 }]);
    const problems = await validateCap(capToXml(buildCapAlert()).replace('cap:1.2', 'cap:1.1'));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /an older CAP version/);
  });
});
