import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedFormatError } from './types.js';

/** A parsed XML node: text, or an element with attributes ("@_name"), children and "#text". */
export type XmlNode = string | { readonly [key: string]: unknown };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Namespaces differ between producers (georss:, cap:, a default xmlns); match on local names.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  // Never expand DOCTYPE entities from a remote document (billion-laughs and the like).
  // fast-xml-parser 5 reads only internal entities and caps their expansion; we drop DOCTYPEs too.
});

/** Largest document a connector accepts; the fetcher caps responses earlier. */
const MAX_CHARS = 4 * 1024 * 1024;

/**
 * Parses XML text into plain objects, or throws FeedFormatError with the line and column of the
 * first problem. Elements that may repeat are read through `many`.
 */
export function parseXml(text: string): Record<string, unknown> {
  if (text.length > MAX_CHARS) throw new FeedFormatError(`document is larger than ${MAX_CHARS} characters`);
  const body = text.replace(/^\uFEFF/, '').replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, '');
  if (!/^\s*</.test(body)) throw new FeedFormatError(`not XML: starts with "${body.trim().slice(0, 20)}"`);
  const verdict = XMLValidator.validate(body);
  if (verdict !== true) throw new FeedFormatError(`not well-formed XML at line ${verdict.err.line}, column ${verdict.err.col}: ${verdict.err.msg}`);
  try {
    return parser.parse(body) as Record<string, unknown>;
  } catch (error) {
    throw new FeedFormatError(`not readable XML: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The element(s) under `key` as an array (a single child parses as an object, none as undefined). */
export function many(node: unknown, key: string): XmlNode[] {
  if (!isElement(node)) return [];
  const value = node[key];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as XmlNode[];
}

/** The first child element under `key`. */
export function one(node: unknown, key: string): XmlNode | undefined {
  return many(node, key)[0];
}

export function isElement(node: unknown): node is { readonly [key: string]: unknown } {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** The text content of a node (its "#text" when it has attributes), or null. */
export function textOf(node: unknown): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (isElement(node)) {
    const text = node['#text'];
    if (text !== undefined) return textOf(text);
  }
  return null;
}

/** The text of the first child under `key`. */
export function childText(node: unknown, key: string): string | null {
  return textOf(one(node, key));
}

export function attr(node: unknown, name: string): string | null {
  if (!isElement(node)) return null;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : null;
}

/** All text inside a node, children included (for Atom xhtml content); attributes skipped. */
export function deepText(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(deepText).join(' ');
  if (isElement(node)) {
    return Object.entries(node)
      .filter(([key]) => !key.startsWith('@_'))
      .map(([, value]) => deepText(value))
      .join(' ');
  }
  return '';
}
