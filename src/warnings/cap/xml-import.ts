/**
 * Reading CAP 1.2 XML from other agencies: XML text → CapAlert, with every problem named by its
 * path (`/alert/info[0]/area[1]/polygon[0]`) and line. Structure (namespace, element names,
 * order, cardinality, numbers) is checked here while walking the tree; values and the rules the
 * XSD does not check are checked by `checkCapAlert`, the same code that checks composed alerts.
 */
import { DECIMAL_PATTERN, INTEGER_PATTERN } from './decimal.js';
import { CAP_NAMESPACE, type CapAlert, type CapProblem } from './model.js';
import { checkCapAlert, enumerationProblems } from './rules.js';
import { ALERT, pathStep, XMLDSIG_NAMESPACE, type CapElementSpec } from './structure.js';
import { readXml, textContent, type XmlElement } from './xml-reader.js';

export interface CapParseResult {
  /**
   * The message as data, present whenever it fits the CapAlert type (every required element
   * there, enumerations valid) — even when `problems` lists rule violations. Valid only when
   * `problems` is empty.
   */
  readonly alert?: CapAlert;
  readonly problems: readonly CapProblem[];
}

/** Element paths → the line each element starts on, for attaching lines to problems. */
export type LineIndex = ReadonlyMap<string, number>;

const OLDER_CAP = /^urn:oasis:names:tc:emergency:cap:1\.[01]$/;

/** Reads and checks a CAP 1.2 message. Never throws on bad input: everything wrong is a problem. */
export function parseCapXml(text: string): CapParseResult {
  return parseCapXmlWithTree(text).result;
}

/** parseCapXml, also handing back the element tree (for the schema check, which needs it too). */
export function parseCapXmlWithTree(text: string): { result: CapParseResult; tree?: CapTree } {
  const read = readCapTree(text);
  if (!read.tree) return { result: { problems: read.problems } };
  return { result: checkTree(read.tree, read.problems), tree: read.tree };
}

function checkTree(tree: CapTree, structural: readonly CapProblem[]): CapParseResult {
  const { alert, lines } = tree;
  // A missing or misplaced element is reported once, by the tree walk, not again as a bad value.
  const structuralPaths = new Set(structural.map((problem) => problem.path));
  const checked = checkCapAlert(alert).filter((problem) => !structuralPaths.has(problem.path));
  const problems = inDocumentOrder(dedupe([...structural, ...checked]).map((problem) => withLine(problem, lines)));
  const fitsType = structural.length === 0 && enumerationProblems(alert).length === 0;
  return fitsType ? { alert, problems } : { problems };
}

export interface CapTree {
  /** The alert as far as it could be read (required text missing is ''). */
  readonly alert: CapAlert;
  readonly lines: LineIndex;
  readonly root: XmlElement;
  /** The text with line ends normalised, as the tree's offsets count. */
  readonly text: string;
}

/** The tree walk alone: structural problems, the alert as far as it could be read, and its lines. */
export function readCapTree(text: string): { problems: CapProblem[]; tree?: CapTree } {
  const read = readXml(text);
  if ('error' in read) {
    const { message, line, column } = read.error;
    return { problems: [{ path: '/', message: `not well-formed XML: ${message} (line ${line}, column ${column})`, line }] };
  }
  const root = read.root;
  if (root.localName !== 'alert') {
    return { problems: [{ path: '/', message: `the root element is <${root.name}>, not a CAP <alert>`, line: root.line }] };
  }
  if (root.namespace !== CAP_NAMESPACE) {
    const found = root.namespace === '' ? 'no namespace' : `namespace "${root.namespace}"`;
    const hint = OLDER_CAP.test(root.namespace) ? ' (an older CAP version)' : '';
    return { problems: [{ path: '/alert', message: `<alert> is in ${found}${hint}; CAP 1.2 needs xmlns="${CAP_NAMESPACE}"`, line: root.line }] };
  }
  const lines = new Map<string, number>([['/alert', root.line]]);
  const problems: CapProblem[] = [];
  attributeProblems(root, '/alert', problems);
  const alert = readComplex(root, ALERT, '/alert', problems, lines) as unknown as CapAlert;
  return { problems: problems.map((problem) => withLine(problem, lines)), tree: { alert, lines, root, text: read.text } };
}

function readComplex(element: XmlElement, specs: readonly CapElementSpec[], path: string, problems: CapProblem[], lines: Map<string, number>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const counts = new Map<string, number>();
  let lastRank = -1;
  let signatureSeen = false;
  for (const child of element.children) {
    if (child.kind === 'text') {
      if (child.text.trim() !== '') problems.push({ path, message: `text ${JSON.stringify(child.text.trim().slice(0, 40))} is not allowed directly inside <${element.localName}>` });
      continue;
    }
    if (child.namespace !== CAP_NAMESPACE) {
      // The XSD allows XML Signature elements after the last CAP element of <alert>, nowhere else.
      if (path === '/alert' && child.namespace === XMLDSIG_NAMESPACE) {
        signatureSeen = true;
        continue;
      }
      problems.push({ path: `${path}/${child.localName}`, message: `<${child.name}> (namespace "${child.namespace}") is not part of CAP 1.2`, line: child.line });
      continue;
    }
    const rank = specs.findIndex((spec) => spec.element === child.localName);
    const spec = specs[rank];
    if (!spec) {
      problems.push({ path: `${path}/${child.localName}`, message: `<${child.localName}> is not a CAP 1.2 element inside <${element.localName}>`, line: child.line });
      continue;
    }
    const index = counts.get(spec.element) ?? 0;
    counts.set(spec.element, index + 1);
    const at = `${path}/${pathStep(spec.element, index, spec.repeated)}`;
    lines.set(at, child.line);
    attributeProblems(child, at, problems);
    if (signatureSeen) problems.push({ path: at, message: `<${spec.element}> comes after the XML signature; the signature must be last` });
    if (rank < lastRank) problems.push({ path: at, message: `<${spec.element}> is out of order: CAP 1.2 puts it before <${specs[lastRank]!.element}>` });
    lastRank = Math.max(lastRank, rank);
    if (!spec.repeated && index > 0) problems.push({ path: at, message: `<${spec.element}> appears more than once` });

    const value = readValue(child, spec, at, problems, lines);
    if (value === undefined) continue;
    if (spec.repeated) result[spec.key] = [...((result[spec.key] as unknown[] | undefined) ?? []), value];
    else if (index === 0) result[spec.key] = value;
  }
  for (const spec of specs) {
    if (result[spec.key] === undefined) {
      if (spec.repeated) result[spec.key] = [];
      if (spec.required && !(counts.get(spec.element) ?? 0)) {
        problems.push({ path: `${path}/${spec.element}`, message: `required element <${spec.element}> is missing from <${element.localName}>` });
        // Required text stays readable for the rule checks; the message is still rejected.
        if (spec.value === 'string' && !spec.repeated) result[spec.key] = '';
      }
    }
  }
  return result;
}

/** XML Schema instance attributes (xsi:schemaLocation, …) are allowed on any element. */
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** CAP declares no attributes; only namespace declarations and xsi: attributes may appear. */
function attributeProblems(element: XmlElement, at: string, problems: CapProblem[]): void {
  for (const [name, namespace] of element.attributeNamespaces) {
    if (namespace !== XSI_NAMESPACE) problems.push({ path: at, message: `attribute ${name} is not allowed on <${element.localName}>: CAP 1.2 elements have no attributes`, line: element.line });
  }
}

function readValue(child: XmlElement, spec: CapElementSpec, at: string, problems: CapProblem[], lines: Map<string, number>): unknown {
  if (Array.isArray(spec.value)) {
    const { text } = textContent(child);
    if (text.trim() !== '') problems.push({ path: at, message: `<${spec.element}> holds elements, not text` });
    return readComplex(child, spec.value, at, problems, lines);
  }
  const { text, hasElements } = textContent(child);
  if (hasElements) problems.push({ path: at, message: `<${spec.element}> must hold text only, not elements` });
  if (spec.value === 'string') return text;
  // Numbers: xs:integer and xs:decimal collapse surrounding whitespace.
  const trimmed = text.trim();
  const pattern = spec.value === 'integer' ? INTEGER_PATTERN : DECIMAL_PATTERN;
  if (!pattern.test(trimmed)) {
    problems.push({ path: at, message: `${JSON.stringify(text)} is not ${spec.value === 'integer' ? 'a whole number' : 'a decimal number'}` });
    return undefined;
  }
  return Number(trimmed);
}

/** The line of the element at `problem.path`, or of its nearest ancestor that exists. */
export function withLine(problem: CapProblem, lines: LineIndex): CapProblem {
  if (problem.line !== undefined) return problem;
  for (let path = problem.path; path.length > 0; path = path.slice(0, path.lastIndexOf('/'))) {
    const line = lines.get(path);
    if (line !== undefined) return { ...problem, line };
  }
  return problem;
}

function dedupe(problems: readonly CapProblem[]): CapProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\n${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Problems sorted by line (stable, so problems on one line keep the order they were found in). */
export function inDocumentOrder(problems: readonly CapProblem[]): CapProblem[] {
  return problems
    .map((problem, i) => ({ problem, i }))
    .sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.i - b.i)
    .map(({ problem }) => problem);
}
