/**
 * The one full check of a CAP text: the official XSD (libxml2 via xmllint-wasm) plus everything
 * the XSD does not check (see rules.ts). Problems carry path and line, in document order.
 */
import type { CapProblem } from './model.js';
import { inDocumentOrder, parseCapXmlWithTree } from './xml-import.js';
import { validateAgainstXsd, type XsdInput } from './xsd-validation.js';

/** Problems of one CAP XML text; empty when it is valid CAP 1.2 and a valid Seamless warning. */
export async function validateCap(xmlText: string): Promise<CapProblem[]> {
  const [problems] = await validateCapBatch([xmlText]);
  return problems!;
}

/** Like validateCap for many texts at once, with one schema run for all of them. */
export async function validateCapBatch(xmlTexts: readonly string[]): Promise<CapProblem[][]> {
  const parsed = xmlTexts.map(parseCapXmlWithTree);
  // The schema check needs a document that is well-formed XML with an <alert> root in the CAP
  // namespace; otherwise the reader's one problem says all there is to say.
  const xsdInputs: XsdInput[] = [];
  const xsdIndex: number[] = [];
  parsed.forEach(({ tree }, i) => {
    if (tree) {
      xsdIndex.push(i);
      xsdInputs.push({ text: tree.text, root: tree.root });
    }
  });
  const xsdProblems = await validateAgainstXsd(xsdInputs);
  const combined = parsed.map(({ result }) => [...result.problems]);
  xsdIndex.forEach((documentIndex, k) => {
    const mine = combined[documentIndex]!;
    // Where the reader already named a problem at the same element, its wording (which says how
    // to fix it) stands; the schema's complaints elsewhere are added.
    const covered = new Set(mine.map((problem) => problem.path));
    for (const problem of xsdProblems[k]!) if (!elementsConcerned(problem).some((path) => covered.has(path))) mine.push(problem);
  });
  return combined.map(inDocumentOrder);
}

/**
 * The elements a schema complaint is about: the one it is reported on and, when libxml2 says
 * which element it expected instead ("Missing child element(s). Expected is ( sender )" on the
 * parent, "This element is not expected. Expected is ( areaDesc )" on a sibling), that missing
 * element — which the reader reports as missing in its own words.
 */
function elementsConcerned(problem: CapProblem): string[] {
  const expected = /Expected is \( (\w+) \)/.exec(problem.message)?.[1];
  if (expected === undefined) return [problem.path];
  const parent = /Missing child element/.test(problem.message) ? problem.path : problem.path.slice(0, problem.path.lastIndexOf('/'));
  return [problem.path, `${parent}/${expected}`];
}
