/**
 * Validation against the official OASIS schema (data/cap/CAP-v1.2.xsd) with libxml2 compiled to
 * WebAssembly (xmllint-wasm), run in a long-lived worker thread (xmllint-runner.ts): the event
 * loop stays free, and a run costs milliseconds, not the library's per-call worker start.
 *
 * libxml2 reports a line, not a path. To name the element exactly even in one-line XML, the
 * document is validated in a copy where every element start tag begins its own line (only
 * whitespace between tags is added, which element-only content ignores); each reported line then
 * names one element, whose path and original line are known from the reader.
 */
import { readFile } from 'node:fs/promises';
import type { CapProblem } from './model.js';
import { pathStep, ALERT, type CapElementSpec } from './structure.js';
import type { XmlElement } from './xml-reader.js';
import { runXmllint } from './xmllint-runner.js';

const SCHEMA_URL = new URL('../../../data/cap/CAP-v1.2.xsd', import.meta.url);
const CAP_BRACES = /\{urn:oasis:names:tc:emergency:cap:1\.2\}/g;

let schema: Promise<string> | undefined;
/** The schema text, read once per process. */
function loadSchema(): Promise<string> {
  schema ??= readFile(SCHEMA_URL, 'utf8').catch((error: unknown) => {
    schema = undefined;
    throw error;
  });
  return schema;
}

/** A document ready for the schema check: its (line-end-normalised) text and element tree. */
export interface XsdInput {
  readonly text: string;
  readonly root: XmlElement;
}

interface ElementPlace {
  readonly path: string;
  readonly offset: number;
  readonly line: number;
}

/** Every element's path (named as the CAP reader names them) and place, in document order. */
function elementPlaces(root: XmlElement): ElementPlace[] {
  const places: ElementPlace[] = [{ path: '/alert', offset: root.offset, line: root.line }];
  const walk = (element: XmlElement, specs: readonly CapElementSpec[] | undefined, path: string): void => {
    const counts = new Map<string, number>();
    for (const child of element.children) {
      if (child.kind !== 'element') continue;
      const spec = specs?.find((candidate) => candidate.element === child.localName);
      const index = counts.get(child.localName) ?? 0;
      counts.set(child.localName, index + 1);
      const at = spec ? `${path}/${pathStep(spec.element, index, spec.repeated)}` : `${path}/${child.localName}`;
      places.push({ path: at, offset: child.offset, line: child.line });
      walk(child, spec && Array.isArray(spec.value) ? spec.value : undefined, at);
    }
  };
  walk(root, ALERT, '/alert');
  return places;
}

/** The copy with one start tag per line, and which element starts on each of its lines. */
function oneTagPerLine(input: XsdInput): { text: string; byLine: Map<number, ElementPlace> } {
  const places = elementPlaces(input.root).sort((a, b) => a.offset - b.offset);
  const pieces: string[] = [];
  const byLine = new Map<number, ElementPlace>();
  let cursor = 0;
  let line = 1;
  for (const place of places) {
    const before = input.text.slice(cursor, place.offset);
    line += countNewlines(before);
    pieces.push(before);
    // Only between tags (whitespace back to a '>'), so that no text content changes.
    let back = place.offset - 1;
    while (back >= 0 && /[ \t\n]/.test(input.text[back]!)) back--;
    const gap = input.text.slice(back + 1, place.offset);
    if (place.offset > 0 && !gap.includes('\n') && input.text[back] === '>') {
      pieces.push('\n');
      line += 1;
    }
    if (!byLine.has(line)) byLine.set(line, place);
    cursor = place.offset;
  }
  pieces.push(input.text.slice(cursor));
  return { text: pieces.join(''), byLine };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** libxml2's wording, shortened: the CAP namespace is implied, the error class is noise. */
function tidy(message: string): string {
  return message
    .replace(/^\s*(element \S+: )?Schemas validity error : /, '')
    .replace(/^\s*Schemas parser error : /, '')
    .replace(CAP_BRACES, '')
    .trim();
}

/**
 * Validates each document against the CAP 1.2 XSD in one xmllint run; returns, per document,
 * the schema's complaints with the path and original line of the element each is about.
 */
export async function validateAgainstXsd(inputs: readonly XsdInput[]): Promise<CapProblem[][]> {
  if (inputs.length === 0) return [];
  const prepared = inputs.map(oneTagPerLine);
  const files = prepared.map((document, i) => ({ fileName: `message-${i}.xml`, contents: document.text }));
  const outcome = await runXmllint([...files, { fileName: 'CAP-v1.2.xsd', contents: await loadSchema() }], ['--schema', 'CAP-v1.2.xsd', '--noout', ...files.map((file) => file.fileName)]);
  // xmllint exits 3 or 4 when a document is invalid; anything else is a fault, not an answer.
  if (outcome.exitCode !== 0 && outcome.exitCode !== 3 && outcome.exitCode !== 4) throw new Error(`xmllint failed (exit code ${outcome.exitCode}): ${outcome.stderr.slice(0, 500)}`);
  const problems: CapProblem[][] = inputs.map(() => []);
  for (const raw of outcome.stderr.split('\n')) {
    const match = /^message-(\d+)\.xml:(\d+): (.*)$/.exec(raw);
    if (!match) continue;
    const document = Number(match[1]);
    const place = prepared[document]?.byLine.get(Number(match[2]));
    problems[document]?.push({ path: place?.path ?? '/alert', message: `XSD: ${tidy(match[3]!)}`, line: place?.line ?? inputs[document]!.root.line });
  }
  if (outcome.exitCode !== 0 && problems.every((list) => list.length === 0)) {
    // xmllint said "invalid" without a line we understand: report it rather than call the message valid.
    throw new Error(`xmllint failed without usable output: ${outcome.stderr.slice(0, 500)}`);
  }
  return problems;
}
