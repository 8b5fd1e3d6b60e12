/**
 * A small, strict, non-validating XML 1.0 reader with namespaces, made for CAP messages.
 *
 * Why not fast-xml-parser here: version 5.12 leaves numeric character references (`&#13;`,
 * `&#x4e2d;`) undecoded unless HTML entities are switched on, accepts undefined entities, and
 * reports no line numbers for elements. Reading CAP needs exact text (round trips keep every
 * character) and a line for every element (problems name path and line). A DOCTYPE is refused:
 * CAP messages have none, and refusing it rules out entity-expansion attacks.
 */

export interface XmlElement {
  readonly kind: 'element';
  /** The qualified name as written, e.g. `cap:alert`. */
  readonly name: string;
  readonly localName: string;
  /** The resolved namespace URI, or '' when the element is in no namespace. */
  readonly namespace: string;
  readonly attributes: ReadonlyMap<string, string>;
  /** Each attribute's namespace ('' for unprefixed ones; namespace declarations are left out). */
  readonly attributeNamespaces: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
  /** 1-based line and column of the `<` that starts the element. */
  readonly line: number;
  readonly column: number;
  /** Offset of the `<` in the line-end-normalised text. */
  readonly offset: number;
}

export interface XmlText {
  readonly kind: 'text';
  readonly text: string;
}

export type XmlNode = XmlElement | XmlText;

export interface XmlSyntaxError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export type XmlReadResult = { readonly root: XmlElement; readonly text: string } | { readonly error: XmlSyntaxError };

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const NAME = /[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*(?::[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)?/y;
// XML 1.0 §2.2 Char, as a test for what must not appear.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** CAP nests five levels deep; a hundred is generous and keeps hostile input from exhausting the stack of later tree walks. */
export const MAX_DEPTH = 100;

class SyntaxFault extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

interface OpenElement {
  readonly name: string;
  readonly attributes: Map<string, string>;
  readonly children: XmlNode[];
  readonly offset: number;
  readonly scope: ReadonlyMap<string, string>;
}

/** Reads `input` into an element tree, or says where and why it is not well-formed XML. */
export function readXml(input: string): XmlReadResult {
  // XML §2.11: CRLF and lone CR become LF before parsing.
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  try {
    return { root: parseDocument(text, position), text };
  } catch (error) {
    if (!(error instanceof SyntaxFault)) throw error;
    return { error: { message: error.message, ...position(Math.min(error.offset, text.length)) } };
  }
}

function parseDocument(text: string, position: (offset: number) => { line: number; column: number }): XmlElement {
  if (text.trim() === '') throw new SyntaxFault('the document is empty', 0);
  const forbidden = FORBIDDEN_CHAR.exec(text);
  if (forbidden) throw new SyntaxFault(`character U+${forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, forbidden.index);

  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const addNode = (node: XmlNode): void => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
  };

  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? text.length : lt;
    if (end > i) {
      const raw = text.slice(i, end);
      if (stack.length === 0) {
        if (raw.trim() !== '') throw new SyntaxFault(root ? 'text after the root element' : 'text before the root element (is this XML?)', i + raw.search(/\S/));
      } else {
        if (raw.includes(']]>')) throw new SyntaxFault("']]>' is not allowed in text", i + raw.indexOf(']]>'));
        addNode({ kind: 'text', text: decodeText(raw, i) });
      }
    }
    if (lt === -1) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) throw new SyntaxFault('unterminated comment', i);
      i = close + 3;
    } else if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      if (close === -1) throw new SyntaxFault('unterminated processing instruction', i);
      const target = /^<\?([^\s?]+)/.exec(text.slice(i, close))?.[1] ?? '';
      if (target.toLowerCase() === 'xml' && i !== 0) throw new SyntaxFault('the XML declaration must come first in the document', i);
      i = close + 2;
    } else if (text.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) throw new SyntaxFault('CDATA outside the root element', i);
      const close = text.indexOf(']]>', i + 9);
      if (close === -1) throw new SyntaxFault('unterminated CDATA section', i);
      addNode({ kind: 'text', text: text.slice(i + 9, close) });
      i = close + 3;
    } else if (text.startsWith('<!DOCTYPE', i)) {
      throw new SyntaxFault('a DOCTYPE is not accepted in CAP messages', i);
    } else if (text.startsWith('</', i)) {
      NAME.lastIndex = i + 2;
      const match = NAME.exec(text);
      const open = stack.pop();
      if (!match) throw new SyntaxFault('malformed end tag', i);
      if (!open) throw new SyntaxFault(`end tag </${match[0]}> without a start tag`, i);
      if (open.name !== match[0]) throw new SyntaxFault(`end tag </${match[0]}> does not match <${open.name}> (line ${position(open.offset).line})`, i);
      let j = NAME.lastIndex;
      while (/\s/.test(text[j] ?? '')) j++;
      if (text[j] !== '>') throw new SyntaxFault(`malformed end tag </${match[0]}>`, j);
      const element = finish(open, position);
      if (stack.length === 0) root = element;
      else addNode(element);
      i = j + 1;
    } else {
      if (root) throw new SyntaxFault('a second root element', i);
      const { open, selfClosing, next } = parseStartTag(text, i, stack[stack.length - 1]?.scope ?? new Map([['xml', XML_NS]]));
      i = next;
      if (selfClosing) {
        const element = finish(open, position);
        if (stack.length === 0) root = element;
        else addNode(element);
      } else {
        if (stack.length >= MAX_DEPTH) throw new SyntaxFault(`elements are nested more than ${MAX_DEPTH} levels deep`, i);
        stack.push(open);
      }
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) throw new SyntaxFault(`<${unclosed.name}> is never closed`, unclosed.offset);
  if (!root) throw new SyntaxFault('no root element (is this XML?)', 0);
  return root;
}

function parseStartTag(text: string, start: number, parentScope: ReadonlyMap<string, string>): { open: OpenElement; selfClosing: boolean; next: number } {
  NAME.lastIndex = start + 1;
  const nameMatch = NAME.exec(text);
  if (!nameMatch) throw new SyntaxFault(`'<' must start a tag; write &lt; for a literal '<'`, start);
  const attributes = new Map<string, string>();
  let j = NAME.lastIndex;
  for (;;) {
    const spaceStart = j;
    while (/\s/.test(text[j] ?? '')) j++;
    if (text.startsWith('/>', j) || text[j] === '>') break;
    if (j === spaceStart) throw new SyntaxFault(`malformed start tag <${nameMatch[0]}>`, j);
    NAME.lastIndex = j;
    const attr = NAME.exec(text);
    if (!attr) throw new SyntaxFault(j >= text.length ? `unterminated start tag <${nameMatch[0]}>` : `malformed attribute in <${nameMatch[0]}>`, j);
    j = NAME.lastIndex;
    while (/\s/.test(text[j] ?? '')) j++;
    if (text[j] !== '=') throw new SyntaxFault(`attribute ${attr[0]} has no value`, j);
    j++;
    while (/\s/.test(text[j] ?? '')) j++;
    const quote = text[j];
    if (quote !== '"' && quote !== "'") throw new SyntaxFault(`the value of attribute ${attr[0]} must be quoted`, j);
    const close = text.indexOf(quote, j + 1);
    if (close === -1) throw new SyntaxFault(`unterminated value of attribute ${attr[0]}`, j);
    const raw = text.slice(j + 1, close);
    if (raw.includes('<')) throw new SyntaxFault(`'<' in the value of attribute ${attr[0]}`, j + 1 + raw.indexOf('<'));
    if (attributes.has(attr[0])) throw new SyntaxFault(`attribute ${attr[0]} appears twice`, j);
    // §3.3.3 attribute-value normalisation: each whitespace character becomes a space.
    attributes.set(attr[0], decodeText(raw, j + 1).replace(/[\t\n]/g, ' '));
    j = close + 1;
  }
  const selfClosing = text[j] === '/';
  const scope = new Map(parentScope);
  for (const [key, value] of attributes) {
    if (key === 'xmlns') scope.set('', value);
    else if (key.startsWith('xmlns:')) scope.set(key.slice(6), value);
  }
  return { open: { name: nameMatch[0], attributes, children: [], offset: start, scope }, selfClosing, next: j + (selfClosing ? 2 : 1) };
}

function finish(open: OpenElement, position: (offset: number) => { line: number; column: number }): XmlElement {
  const colon = open.name.indexOf(':');
  const prefix = colon === -1 ? '' : open.name.slice(0, colon);
  const namespace = open.scope.get(prefix);
  if (prefix !== '' && namespace === undefined) throw new SyntaxFault(`namespace prefix "${prefix}" is not declared`, open.offset);
  const attributeNamespaces = new Map<string, string>();
  for (const name of open.attributes.keys()) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const attributeColon = name.indexOf(':');
    const attributeNamespace = attributeColon === -1 ? '' : open.scope.get(name.slice(0, attributeColon));
    if (attributeNamespace === undefined) throw new SyntaxFault(`namespace prefix "${name.slice(0, attributeColon)}" of attribute ${name} is not declared`, open.offset);
    attributeNamespaces.set(name, attributeNamespace);
  }
  return {
    kind: 'element',
    name: open.name,
    localName: colon === -1 ? open.name : open.name.slice(colon + 1),
    namespace: namespace ?? '',
    attributes: open.attributes,
    attributeNamespaces,
    children: mergeTexts(open.children),
    ...position(open.offset),
    offset: open.offset,
  };
}

/** Adjacent text and CDATA pieces become one text node. */
function mergeTexts(nodes: readonly XmlNode[]): XmlNode[] {
  const merged: XmlNode[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (node.kind === 'text' && last?.kind === 'text') merged[merged.length - 1] = { kind: 'text', text: last.text + node.text };
    else merged.push(node);
  }
  return merged;
}

function decodeText(raw: string, offset: number): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s<]*)(;?)/g, (whole, name: string, semicolon: string, at: number) => {
    if (semicolon === '') throw new SyntaxFault(`'&' must start a reference like &amp;`, offset + at);
    if (name.startsWith('#')) {
      const code = /^#x[0-9a-fA-F]+$/.test(name) ? parseInt(name.slice(2), 16) : /^#[0-9]+$/.test(name) ? parseInt(name.slice(1), 10) : NaN;
      const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed) throw new SyntaxFault(`${whole} is not a character XML allows`, offset + at);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[name];
    if (value === undefined) throw new SyntaxFault(`undefined entity ${whole}`, offset + at);
    return value;
  });
}

/** The text content of an element (its text and CDATA), and whether it also holds elements. */
export function textContent(element: XmlElement): { text: string; hasElements: boolean } {
  let text = '';
  let hasElements = false;
  for (const child of element.children) {
    if (child.kind === 'text') text += child.text;
    else hasElements = true;
  }
  return { text, hasElements };
}
