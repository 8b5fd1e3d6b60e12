import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readXml, textContent, type XmlElement } from './xml-reader.js';

function root(text: string): XmlElement {
  const result = readXml(text);
  if ('error' in result) assert.fail(result.error.message);
  return result.root;
}

describe('readXml', () => {
  test('resolves namespaces (default and prefixed) and records each element line', () => {
    const doc = root('<?xml version="1.0"?>\n<!-- hi -->\n<a:alert xmlns:a="urn:x" xmlns="urn:d">\n  <b/>\n  <a:c>t</a:c>\n</a:alert>');
    assert.equal(doc.localName, 'alert');
    assert.equal(doc.namespace, 'urn:x');
    assert.equal(doc.line, 3);
    const [b, c] = doc.children.filter((n): n is XmlElement => n.kind === 'element');
    assert.deepEqual([b!.localName, b!.namespace, b!.line], ['b', 'urn:d', 4]);
    assert.deepEqual([c!.localName, c!.namespace, c!.line, textContent(c!).text], ['c', 'urn:x', 5, 't']);
  });

  test('decodes predefined and numeric references and CDATA, normalises line ends, keeps other whitespace', () => {
    const doc = root('<a>  x &amp; &lt;y&gt; &#x4e2d;&#25991; &#13;<![CDATA[<b>&amp;]]>\r\n\tz </a>');
    assert.equal(textContent(doc).text, '  x & <y> 中文 \r<b>&amp;\n\tz ');
  });

  test('names each well-formedness fault with line and column', () => {
    const error = (text: string) => {
      const result = readXml(text);
      assert.ok('error' in result, `expected an error for ${text}`);
      return result.error;
    };
    assert.deepEqual(error('<a>\n  <b>\n</a>'), { message: 'end tag </a> does not match <b> (line 2)', line: 3, column: 1 });
    assert.match(error('not xml at all').message, /text before the root element \(is this XML\?\)/);
    assert.match(error('').message, /the document is empty/);
    assert.match(error('{"json": true}').message, /is this XML/);
    assert.match(error('<a>&nbsp;</a>').message, /undefined entity &nbsp;/);
    assert.match(error('<a>AT&T</a>').message, /'&' must start a reference/);
    assert.match(error('<a x="1" x="2"/>').message, /attribute x appears twice/);
    assert.match(error('<a x=1/>').message, /must be quoted/);
    assert.match(error('<a></a><b/>').message, /a second root element/);
    assert.match(error('<a>').message, /<a> is never closed/);
    assert.match(error('<p:a/>').message, /namespace prefix "p" is not declared/);
    assert.match(error('<!DOCTYPE a [<!ENTITY x "y">]><a/>').message, /DOCTYPE is not accepted/);
    assert.match(error('<a>\u0001</a>').message, /U\+0001 is not allowed/);
    assert.match(error('<a>&#0;</a>').message, /&#0; is not a character XML allows/);
    assert.match(error('<a>x</a>trailing').message, /text after the root element/);
    assert.match(error('<a> 1 < 2 </a>').message, /'<' must start a tag/);
    assert.match(error(`${'<a>'.repeat(101)}${'</a>'.repeat(101)}`).message, /nested more than 100 levels deep/);
    assert.equal('root' in readXml(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`), true);
  });

  test('a byte-order mark is skipped', () => {
    assert.equal(root('\uFEFF<a/>').localName, 'a');
  });
});
