/**
 * Writing a CapAlert as CAP 1.2 XML: the CAP namespace as default namespace, elements in the
 * XSD's sequence order (walked from the same structure table the reader uses), two-space
 * indentation. Careful string building rather than a generic builder: the output must be exact
 * (order, escaping, no empty optional elements) and the table already says everything needed.
 */
import { InvalidInputError } from '../../core/errors.js';
import { formatDecimal } from './decimal.js';
import { CAP_NAMESPACE, type CapAlert } from './model.js';
import { findNonXmlCharacter } from './rules.js';
import { ALERT, pathStep, type CapElementSpec } from './structure.js';

/**
 * Escapes text content. `>` is escaped too (so `]]>` cannot appear), and CR as `&#13;` because
 * every XML reader turns a literal CR into LF: escaped, the text reads back unchanged.
 */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/**
 * The alert as CAP 1.2 XML. Throws InvalidInputError naming the path when a text holds a
 * character XML cannot carry (the XML would otherwise be unreadable); other problems are for
 * `checkCapAlert` to report — the writer writes what it is given.
 */
export function capToXml(alert: CapAlert): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<alert xmlns="${CAP_NAMESPACE}">`];
  writeChildren(alert as unknown as Record<string, unknown>, ALERT, '/alert', 1, lines);
  lines.push('</alert>', '');
  return lines.join('\n');
}

function writeChildren(node: Readonly<Record<string, unknown>>, specs: readonly CapElementSpec[], path: string, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  for (const spec of specs) {
    const raw = node[spec.key];
    if (raw === undefined || raw === null) continue;
    const values: unknown[] = spec.repeated && Array.isArray(raw) ? raw : [raw];
    values.forEach((value, index) => {
      const at = `${path}/${pathStep(spec.element, index, spec.repeated)}`;
      if (Array.isArray(spec.value)) {
        lines.push(`${indent}<${spec.element}>`);
        writeChildren(value as Record<string, unknown>, spec.value, at, depth + 1, lines);
        lines.push(`${indent}</${spec.element}>`);
      } else {
        lines.push(`${indent}<${spec.element}>${formatValue(value, spec, at)}</${spec.element}>`);
      }
    });
  }
}

function formatValue(value: unknown, spec: CapElementSpec, at: string): string {
  if (spec.value === 'string') {
    const text = String(value);
    const bad = findNonXmlCharacter(text);
    if (bad) throw InvalidInputError.forField(at, `contains ${bad}, a character XML 1.0 cannot carry`);
    return escapeXmlText(text);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw InvalidInputError.forField(at, `${String(value)} is not a number`);
  return spec.value === 'integer' && Number.isInteger(value) ? BigInt(value).toString() : formatDecimal(value);
}
